/*
 * baocao-review: the review page's script.
 *
 * It reads the run from the JSON element #run (written by baocao-review,
 * see filters/review/page.c for its shape), shows one unit and period at a
 * time, and keeps the analyst's decisions in localStorage until they are
 * downloaded as a corrections file in the columns baocao-normalize
 * --corrections reads: report,line,raw,indicator,value,scope,occurrence,note.
 * A figure is known by that key (report, line, raw, occurrence), which
 * does not change when the run is made again.
 *
 * Every text from the run goes into the page through textContent or
 * setAttribute, never as markup.
 */
(function () {
	"use strict";

	var run = JSON.parse(document.getElementById("run").textContent);
	var storeKey = "baocao-review:" + location.pathname;
	var SEVERITY = { finding: 0, conflict: 0, ocr: 1, weak: 2, approx: 3 };

	/* The run, unpacked. */
	var inds = {};
	var indOrder = {};
	run.inds.forEach(function (r, i) {
		inds[r[0]] = { label: r[1], unit: r[2] };
		indOrder[r[0]] = i;
	});
	var docs = run.docs.map(function (r) {
		return {
			href: r[0], doc: r[1], path: r[2], status: r[3], reason: r[4],
			issuer: r[5], docNo: r[6], docDate: r[7], title: r[8],
			code: r[9], name: r[10], prov: r[11], period: r[12],
			periodLabel: r[13], inManifest: r[14] === 1, inTable: r[15] === 1
		};
	});
	var facts = run.facts.map(function (r) {
		return {
			doc: r[0], occ: r[1], chosen: r[2] === 1, line: r[3], raw: r[4],
			ind: r[5], value: r[6], unit: r[7], scope: r[8], qual: r[9],
			flags: r[10] === "" ? [] : r[10].split(";"), before: r[11],
			unitText: r[12], after: r[13], row: r[14], col: r[15],
			evidence: r[16], findings: []
		};
	});
	var findings = run.findings.map(function (r) {
		return {
			doc: r[0], docName: r[1], line: r[2], rule: r[3], ind: r[4],
			expected: r[5], actual: r[6], detail: r[7]
		};
	});
	var kept = run.corrections.map(function (r) {
		return {
			report: r[0], line: r[1], raw: r[2], occ: r[3], ind: r[4],
			value: r[5], scope: r[6], note: r[7]
		};
	});

	function label(key) {
		var l = run.labels[key];
		return l ? l[0] : key;
	}
	function hint(key) {
		var l = run.labels[key];
		return l ? l[1] : "";
	}
	function figureKey(f) {
		return [docs[f.doc].doc, f.line, f.raw, f.occ].join("\u0000");
	}

	/* Elements made with text only. */
	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls) {
			e.className = cls;
		}
		if (text !== undefined && text !== null) {
			e.textContent = text;
		}
		return e;
	}
	function add(parent) {
		for (var i = 1; i < arguments.length; i++) {
			var c = arguments[i];
			if (c !== null && c !== undefined) {
				parent.appendChild(typeof c === "string" ?
					document.createTextNode(c) : c);
			}
		}
		return parent;
	}

	/* Numbers as Vietnamese write them: 2.198 and 99,5. */
	function vn(v) {
		var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
		if (!m) {
			return v;
		}
		var whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
		return m[1] + whole + (m[3] ? "," + m[3] : "");
	}
	/* An analyst's figure (2.189, 2189, 99,5, 99.5) as normalize reads
	 * it (2189, 99.5); null when it is none. */
	function parseValue(s) {
		var t = s.replace(/[\s\u00a0%]/g, "");
		var m;
		if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) {
			t = t.replace(/\./g, "").replace(",", ".");
		} else if (/^\d+(,\d+)?$/.test(t)) {
			t = t.replace(",", ".");
		} else if (!(m = /^\d+\.(\d+)$/.exec(t)) || m[1].length === 3) {
			return null;
		}
		t = t.replace(/^0+(?=\d)/, "");
		if (t.indexOf(".") >= 0) {
			t = t.replace(/0+$/, "").replace(/\.$/, "");
		}
		return t;
	}

	/* Units and periods: consecutive docs of one unit and period. */
	var periods = [];
	var groups = [];
	var leftOut = [];
	var figByDoc = {};
	docs.forEach(function (d, i) {
		if (d.code === "" || d.period === "") {
			leftOut.push(i);
			return;
		}
		var p = periods[periods.length - 1];
		if (!p || p.period !== d.period) {
			p = { period: d.period, label: d.periodLabel, groups: [], missing: [] };
			periods.push(p);
		}
		var g = groups[groups.length - 1];
		if (!g || g.code !== d.code || g.period !== d.period) {
			g = { code: d.code, name: d.name || d.code, period: d.period,
				periodLabel: d.periodLabel, docs: [], figs: [], findings: [],
				index: groups.length };
			groups.push(g);
			p.groups.push(g);
		}
		g.docs.push(i);
		d.group = g;
	});
	run.missing.forEach(function (m) {
		var p = periods.find(function (x) { return x.period === m[1]; });
		if (p) {
			p.missing.push({ name: m[4], sent: m[5] === 1 });
		}
	});
	facts.forEach(function (f) {
		(figByDoc[f.doc] = figByDoc[f.doc] || []).push(f);
	});
	findings.forEach(function (x) {
		if (x.doc < 0 || !docs[x.doc].group) {
			return;
		}
		var attached = false;
		(figByDoc[x.doc] || []).forEach(function (f) {
			if (f.chosen && f.line === x.line && (x.ind === "" || x.ind === f.ind)) {
				f.findings.push(x);
				attached = true;
			}
		});
		x.attached = attached;
		docs[x.doc].group.findings.push(x);
	});
	facts.forEach(function (f) {
		var d = docs[f.doc];
		if (!f.chosen || !d.inTable || !d.group) {
			return;
		}
		var sev = 9;
		f.flags.concat(f.findings.length ? ["finding"] : []).forEach(function (w) {
			if (SEVERITY[w] !== undefined && SEVERITY[w] < sev) {
				sev = SEVERITY[w];
			}
		});
		f.flagged = sev < 9;
		f.severity = sev;
		f.key = figureKey(f);
		f.others = (figByDoc[f.doc] || []).filter(function (o) {
			return !o.chosen && o.ind === f.ind;
		});
		d.group.figs.push(f);
	});
	groups.forEach(function (g) {
		g.figs.sort(function (a, b) {
			var ra = indOrder[a.ind] === undefined ? 1e6 : indOrder[a.ind];
			var rb = indOrder[b.ind] === undefined ? 1e6 : indOrder[b.ind];
			return a.severity - b.severity || ra - rb || a.doc - b.doc ||
				Number(a.line) - Number(b.line);
		});
		g.nflagged = g.figs.filter(function (f) { return f.flagged; }).length;
	});

	/* Decisions: key -> {act, doc, line, raw, occ, ind, value, scope, note}. */
	var decisions = {};
	var downloaded = false;
	try {
		decisions = JSON.parse(localStorage.getItem(storeKey) || "{}") || {};
	} catch (e) {
		decisions = {};
	}
	function save() {
		downloaded = false;
		try {
			localStorage.setItem(storeKey, JSON.stringify(decisions));
		} catch (e) {
			/* storage full or off: the decisions live until the page closes */
		}
	}

	/* The corrections file. */
	function csvField(s) {
		s = String(s === undefined || s === null ? "" : s);
		return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
	}
	function keptMatches(c, k) {
		var d = docs.find(function (x) { return x.doc === c.report || x.path === c.report; });
		var name = d ? d.doc : c.report;
		return [name, c.line, c.raw, c.occ === "" ? 1 : Number(c.occ)].join("\u0000") === k;
	}
	function correctionRows() {
		var rows = [];
		var keys = Object.keys(decisions);
		kept.forEach(function (c) {
			var replaced = keys.some(function (k) {
				return decisions[k].act !== "accept" && keptMatches(c, k);
			});
			if (!replaced) {
				rows.push([c.report, c.line, c.raw, c.ind, c.value, c.scope, c.occ, c.note]);
			}
		});
		var order = {};
		groups.forEach(function (g, gi) {
			g.figs.forEach(function (f, fi) { order[f.key] = gi * 1e5 + fi; });
		});
		keys.sort(function (a, b) {
			var oa = order[a] === undefined ? 1e12 : order[a];
			var ob = order[b] === undefined ? 1e12 : order[b];
			return oa - ob || (a < b ? -1 : a > b ? 1 : 0);
		});
		keys.forEach(function (k) {
			var d = decisions[k];
			if (d.act === "drop") {
				rows.push([d.doc, d.line, d.raw, "drop", "", "", d.occ, d.note]);
			} else if (d.act === "edit") {
				rows.push([d.doc, d.line, d.raw, d.ind || "", d.value || "",
					d.scope || "", d.occ, d.note]);
			}
		});
		return rows;
	}
	function correctionsCsv() {
		var head = ["report", "line", "raw", "indicator", "value", "scope",
			"occurrence", "note"];
		return [head].concat(correctionRows()).map(function (r) {
			return r.map(csvField).join(",");
		}).join("\n") + "\n";
	}
	function download() {
		var blob = new Blob([correctionsCsv()], { type: "text/csv;charset=utf-8" });
		var a = el("a");
		a.href = URL.createObjectURL(blob);
		a.download = "corrections.csv";
		document.body.appendChild(a);
		a.click();
		a.remove();
		setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
		try {
			localStorage.removeItem(storeKey);
		} catch (e) {
			/* nothing kept: nothing to remove */
		}
		downloaded = true;
		updateCounts();
	}

	/* Where the analyst is. */
	var onlyFlagged = false;
	var cur = { g: 0, f: 0 };
	var editing = null;

	function visibleGroups() {
		return onlyFlagged ? groups.filter(function (g) { return g.nflagged > 0; }) : groups;
	}
	function visibleFigs(g) {
		return onlyFlagged ? g.figs.filter(function (f) { return f.flagged; }) : g.figs;
	}

	function updateCounts() {
		var nfig = 0;
		var nflag = 0;
		var ndone = 0;
		groups.forEach(function (g) {
			g.figs.forEach(function (f) {
				nfig++;
				if (f.flagged) {
					nflag++;
					if (decisions[f.key]) {
						ndone++;
					}
				}
			});
		});
		var c = document.getElementById("counts");
		c.textContent = label("reports") + ": " + docs.length + " · " +
			label("figures") + ": " + nfig + " · " + label("flagged") + ": " +
			nflag + " · " + label("decided") + ": " + ndone + "/" + nflag;
		var n = correctionRows().length;
		var b = document.getElementById("download");
		document.getElementById("nrows").textContent = "(" + n + " " + label("rows") + ")" +
			(downloaded ? " – " + label("downloaded") : "");
		b.title = downloaded ? hint("downloaded") : hint("download");
		b.classList.toggle("pending", n > 0 && !downloaded);
	}

	function renderSide() {
		var nav = document.getElementById("units");
		nav.textContent = "";
		var shown = visibleGroups();
		periods.forEach(function (p) {
			var gs = p.groups.filter(function (g) { return shown.indexOf(g) >= 0; });
			if (gs.length === 0 && p.missing.length === 0) {
				return;
			}
			add(nav, el("h2", null, p.label || p.period));
			gs.forEach(function (g) {
				var a = el("a", g === shown[cur.g] ? "current" : null);
				a.href = "#";
				a.dataset.group = String(shown.indexOf(g));
				var done = g.figs.filter(function (f) { return f.flagged && decisions[f.key]; }).length;
				add(a, el("span", null, g.name),
					g.nflagged ? el("span", done === g.nflagged ? "count done" : "count flagged",
						done + "/" + g.nflagged) : el("span", "count none", "·"));
				nav.appendChild(a);
			});
			if (p.missing.length) {
				add(nav, el("p", "missing", label("not-reported") + " (" + p.missing.length + "): " +
					p.missing.map(function (m) {
						return m.name + (m.sent ? " (" + label("sent-unread") + ")" : "");
					}).join(", ")));
			}
		});
		if (leftOut.length) {
			add(nav, el("h2", null, label("left-out")));
			leftOut.forEach(function (i) {
				add(nav, el("p", "missing", docs[i].doc + ": " + statusLabel(docs[i].status)));
			});
		}
		var c = nav.querySelector("a.current");
		if (c) {
			c.scrollIntoView({ block: "nearest" });
		}
	}

	function statusLabel(s) {
		return run.labels["status." + s] ? label("status." + s) : s;
	}

	function docCard(i) {
		var d = docs[i];
		var card = el("div", "doc");
		add(card, el("span", "name", d.doc));
		if (d.inManifest) {
			var st = el("span", d.status === "ok" ? "status" : "status bad", statusLabel(d.status));
			st.title = hint("status." + d.status) + (d.reason ? " – " + d.reason : "");
			add(card, st);
			if (d.reason) {
				add(card, " ", el("span", "meta", d.reason));
			}
		}
		var meta = [d.issuer, d.docNo ? label("doc-no") + " " + d.docNo : "",
			d.docDate].filter(function (x) { return x; }).join(" · ");
		if (meta) {
			add(card, el("div", "meta", meta));
		}
		if (d.title) {
			add(card, el("div", "meta", d.title));
		}
		if (d.href) {
			var a = el("a", "open", label("open-report"));
			a.setAttribute("href", d.href);
			a.target = "_blank";
			a.rel = "noopener";
			a.title = d.path;
			add(card, a);
		} else if (d.path && d.path !== "-") {
			var m = el("div", "missing-file", label("file-missing") + ": " + d.path);
			m.title = hint("file-missing");
			add(card, m);
		}
		return card;
	}

	/* The sentence with the figure marked, or what there is instead. */
	function quote(f) {
		var q = el("p", "quote");
		if (f.before || f.after || f.unitText) {
			add(q, f.before, el("mark", null, f.raw),
				f.unitText ? " " + f.unitText : "", f.after);
		} else if (f.row || f.col) {
			add(q, f.row, f.row && f.col ? " — " : "", f.col, ": ", el("mark", null, f.raw));
		} else if (f.evidence) {
			add(q, f.evidence);
		} else {
			q.className = "quote none";
			add(q, el("mark", null, f.raw), " – " + label("no-evidence"));
			q.title = hint("no-evidence");
		}
		return q;
	}

	function indLabel(id) {
		return inds[id] ? inds[id].label : id;
	}
	function unitLabel(f) {
		return inds[f.ind] ? inds[f.ind].unit : f.unit;
	}
	function flagChip(w) {
		var c = el("span", "flag " + w, label("flag." + w));
		c.title = hint("flag." + w);
		return c;
	}

	function decisionText(d) {
		if (!d) {
			return "";
		}
		if (d.act === "accept") {
			return "✓ " + label("accept");
		}
		if (d.act === "drop") {
			return "✗ " + label("drop");
		}
		var parts = [];
		if (d.value) {
			parts.push(vn(d.value));
		}
		if (d.ind) {
			parts.push(indLabel(d.ind));
		}
		if (d.scope) {
			parts.push(label("scope." + d.scope));
		}
		return "✎ " + label("edit") + ": " + parts.join(" · ");
	}

	function figCard(f, isCur) {
		var d = decisions[f.key];
		var cls = "fig" + (f.flagged ? " flagged" : "") + (d ? " " + d.act : "") +
			(isCur ? " current" : "");
		var card = el("div", cls);
		var head = el("div", "head");
		add(head, el("span", "ind", indLabel(f.ind)),
			el("span", "value", vn(f.value) + " " + unitLabel(f)));
		f.flags.forEach(function (w) { add(head, flagChip(w)); });
		if (f.findings.length) {
			add(head, flagChip("finding"));
		}
		add(head, el("span", "where", label("scope." + f.scope) + " · " +
			label("line") + " " + f.line + (docs[f.doc].group.docs.length > 1 ? " · " + docs[f.doc].doc : "")),
		el("span", "decision", decisionText(d)));
		add(card, head, quote(f));
		f.findings.forEach(function (x) {
			add(card, el("p", "finding", ruleLine(x)));
		});
		if (f.others.length) {
			var o = el("div", "others");
			add(o, el("span", null, label("other-values") + ":"));
			var ul = el("ul");
			f.others.forEach(function (x) {
				var li = el("li");
				add(li, el("b", null, vn(x.value)), " (" + label("line") + " " + x.line + ", " +
					label("scope." + x.scope) + ") ");
				var q = quote(x);
				while (q.firstChild) {
					li.appendChild(q.firstChild);
				}
				ul.appendChild(li);
			});
			add(o, ul);
			add(card, o);
		}
		var buttons = el("div", "buttons");
		[["accept", "a"], ["edit", "e"], ["drop", "d"], ["undo", "u"]].forEach(function (b) {
			var btn = el("button", null, label(b[0]));
			btn.type = "button";
			btn.title = hint(b[0]);
			btn.dataset.key = b[1];
			add(buttons, btn);
		});
		add(card, buttons);
		card.figure = f;
		return card;
	}

	function ruleLine(x) {
		var name = run.labels["rule." + x.rule] ? label("rule." + x.rule) : x.rule;
		var parts = [name];
		if (x.ind) {
			parts.push(indLabel(x.ind));
		}
		if (x.expected !== "" || x.actual !== "") {
			parts.push(label("expected") + " " + vn(x.expected) + ", " + label("actual") + " " + vn(x.actual));
		}
		if (x.detail) {
			parts.push(x.detail);
		}
		return "⚠ " + label("line") + " " + x.line + ": " + parts.join(" – ");
	}

	function renderPane() {
		var pane = document.getElementById("pane");
		pane.textContent = "";
		editing = null;
		var shown = visibleGroups();
		var g = shown[cur.g];
		if (!g) {
			add(pane, el("p", "empty", label("no-figures")));
			return;
		}
		var h = el("h2", null, g.name + " ");
		add(h, el("span", "period", g.periodLabel || g.period));
		add(pane, h);
		g.docs.forEach(function (i) { add(pane, docCard(i)); });
		var loose = g.findings.filter(function (x) { return !x.attached; });
		if (loose.length) {
			var ul = el("ul", "findings");
			ul.title = label("findings");
			loose.forEach(function (x) { add(ul, el("li", null, ruleLine(x))); });
			add(pane, ul);
		}
		var figs = visibleFigs(g);
		if (figs.length === 0) {
			add(pane, el("p", "empty", label("no-figures")));
		}
		figs.forEach(function (f, i) { add(pane, figCard(f, i === cur.f)); });
		var c = pane.querySelector(".fig.current");
		if (c) {
			c.scrollIntoView({ block: "nearest" });
		}
	}

	function render() {
		renderSide();
		renderPane();
		updateCounts();
	}

	function currentFig() {
		var g = visibleGroups()[cur.g];
		return g ? visibleFigs(g)[cur.f] : undefined;
	}

	function move(step) {
		var shown = visibleGroups();
		if (!shown.length) {
			return;
		}
		var n = visibleFigs(shown[cur.g]).length;
		var f = cur.f + step;
		var gi = cur.g;
		if (f >= n) {
			if (gi + 1 >= shown.length) {
				return;
			}
			gi++;
			f = 0;
		} else if (f < 0) {
			if (gi === 0) {
				return;
			}
			gi--;
			f = Math.max(0, visibleFigs(shown[gi]).length - 1);
		}
		if (gi !== cur.g) {
			cur = { g: gi, f: f };
			render();
		} else {
			cur.f = f;
			var cards = document.querySelectorAll("#pane .fig");
			cards.forEach(function (c, i) { c.classList.toggle("current", i === f); });
			if (cards[f]) {
				cards[f].scrollIntoView({ block: "nearest" });
			}
		}
	}
	function moveGroup(step) {
		var gi = cur.g + step;
		if (gi >= 0 && gi < visibleGroups().length) {
			cur = { g: gi, f: 0 };
			render();
		}
	}

	function decide(f, d) {
		if (d === null) {
			delete decisions[f.key];
		} else {
			d.doc = docs[f.doc].doc;
			d.line = f.line;
			d.raw = f.raw;
			d.occ = f.occ;
			d.note = d.note || "";
			decisions[f.key] = d;
		}
		save();
		render();
	}

	function act(key) {
		var f = currentFig();
		if (!f) {
			return;
		}
		if (key === "a") {
			decide(f, { act: "accept" });
			move(1);
		} else if (key === "d") {
			decide(f, { act: "drop" });
			move(1);
		} else if (key === "u") {
			decide(f, null);
		} else if (key === "e") {
			openEditor(f);
		}
	}

	function option(value, text, selected) {
		var o = el("option", null, text);
		o.value = value;
		o.selected = selected;
		return o;
	}

	function openEditor(f) {
		var card = document.querySelector("#pane .fig.current");
		if (!card || editing) {
			return;
		}
		var prev = decisions[f.key] && decisions[f.key].act === "edit" ? decisions[f.key] : {};
		var form = el("form", "edit");
		var ind = el("select");
		Object.keys(inds).forEach(function (id) {
			ind.appendChild(option(id, inds[id].label + " (" + id + ")", id === (prev.ind || f.ind)));
		});
		if (!inds[f.ind]) {
			ind.appendChild(option(f.ind, f.ind, !prev.ind));
		}
		var val = el("input");
		val.type = "text";
		val.inputMode = "decimal";
		val.value = vn(prev.value || f.value);
		val.title = hint("value");
		var scope = el("select");
		["reporter", "sub", "table-row", "table-total"].forEach(function (s) {
			scope.appendChild(option(s, label("scope." + s), s === (prev.scope || f.scope)));
		});
		var note = el("input");
		note.type = "text";
		note.value = prev.note || "";
		var preview = el("span", "preview");
		function field(name, input) {
			var l = el("label", null, label(name));
			l.title = hint(name);
			l.appendChild(input);
			return l;
		}
		function change() {
			var v = parseValue(val.value);
			var out = {};
			if (v === null) {
				preview.className = "preview bad";
				preview.textContent = label("bad-value");
				preview.title = hint("bad-value");
				return null;
			}
			if (v !== f.value) {
				out.value = v;
			}
			if (ind.value !== f.ind) {
				out.ind = ind.value;
			}
			if (scope.value !== f.scope) {
				out.scope = scope.value;
			}
			preview.className = "preview";
			preview.title = hint("will-write");
			var parts = [];
			if (out.value) {
				parts.push(label("value") + " " + out.value);
			}
			if (out.ind) {
				parts.push(label("indicator") + " " + out.ind);
			}
			if (out.scope) {
				parts.push(label("scope") + " " + out.scope);
			}
			preview.textContent = parts.length ?
				label("will-write") + ": " + parts.join("; ") : label("same-value");
			return out;
		}
		function close() {
			editing = null;
			form.remove();
			document.getElementById("pane").focus();
		}
		form.addEventListener("input", change);
		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			var out = change();
			if (out === null || !(out.value || out.ind || out.scope)) {
				return;
			}
			out.act = "edit";
			out.note = note.value;
			editing = null;
			decide(f, out);
			move(1);
		});
		form.addEventListener("keydown", function (ev) {
			if (ev.key === "Escape") {
				ev.preventDefault();
				close();
			} else if (ev.key === "Enter" && ev.target.tagName === "SELECT") {
				ev.preventDefault();
				form.requestSubmit();
			}
		});
		var ok = el("button", null, label("save"));
		ok.type = "submit";
		ok.title = hint("save");
		var no = el("button", null, label("cancel"));
		no.type = "button";
		no.title = hint("cancel");
		no.addEventListener("click", close);
		add(form, field("value", val), field("indicator", ind), field("scope", scope),
			field("note", note), preview, ok, no);
		card.appendChild(form);
		editing = form;
		change();
		val.focus();
		val.select();
	}

	function toggleFlagged() {
		var f = currentFig();
		onlyFlagged = !onlyFlagged;
		document.getElementById("only-flagged").checked = onlyFlagged;
		var shown = visibleGroups();
		var g = f ? docs[f.doc].group : null;
		var gi = g ? shown.indexOf(g) : -1;
		cur = { g: Math.max(0, gi), f: 0 };
		if (gi >= 0) {
			cur.f = Math.max(0, visibleFigs(g).indexOf(f));
		}
		render();
	}

	function toggleHelp() {
		var h = document.getElementById("help");
		h.hidden = !h.hidden;
	}

	function openReport() {
		var a = document.querySelector("#pane .doc a.open");
		if (a) {
			a.click();
		}
	}

	document.addEventListener("keydown", function (ev) {
		if (ev.ctrlKey || ev.metaKey || ev.altKey) {
			return;
		}
		var t = ev.target.tagName;
		if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA") {
			return;
		}
		var handled = true;
		switch (ev.key) {
		case "j": move(1); break;
		case "k": move(-1); break;
		case "J": moveGroup(1); break;
		case "K": moveGroup(-1); break;
		case "a": case "d": case "u": case "e": act(ev.key); break;
		case "f": toggleFlagged(); break;
		case "o": openReport(); break;
		case "s": download(); break;
		case "?": toggleHelp(); break;
		case "Escape": document.getElementById("help").hidden = true; break;
		default: handled = false;
		}
		if (handled) {
			ev.preventDefault();
		}
	});
	document.getElementById("units").addEventListener("click", function (ev) {
		var a = ev.target.closest("a[data-group]");
		if (a) {
			ev.preventDefault();
			cur = { g: Number(a.dataset.group), f: 0 };
			render();
		}
	});
	document.getElementById("pane").addEventListener("click", function (ev) {
		var b = ev.target.closest("button[data-key]");
		var card = ev.target.closest(".fig");
		if (!card || ev.target.closest("form")) {
			return;
		}
		var cards = Array.prototype.slice.call(document.querySelectorAll("#pane .fig"));
		var i = cards.indexOf(card);
		if (i !== cur.f) {
			cur.f = i;
			cards.forEach(function (c, k) { c.classList.toggle("current", k === i); });
		}
		if (b) {
			act(b.dataset.key);
		}
	});
	document.getElementById("only-flagged").addEventListener("change", function (ev) {
		if (ev.target.checked !== onlyFlagged) {
			toggleFlagged();
		}
	});
	document.getElementById("download").addEventListener("click", download);
	document.getElementById("help-button").addEventListener("click", toggleHelp);
	hint("help").split("; ").forEach(function (item) {
		var i = item.indexOf(": ");
		var li = el("li");
		add(li, el("kbd", null, item.slice(0, i)), " " + item.slice(i + 2));
		document.getElementById("keys").appendChild(li);
	});

	/* Start at the first flagged figure. */
	var first = groups.findIndex(function (g) { return g.nflagged > 0; });
	cur = { g: Math.max(0, first), f: 0 };
	render();
	document.getElementById("pane").focus();
}());
