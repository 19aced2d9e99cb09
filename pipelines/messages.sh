# shellcheck shell=bash disable=SC2154
# messages.sh: sourced by every pipeline (never run), after it has set
# prog, version, synopsis and here: its messages in the user's language,
# its usage, --help and --version.
#
# Messages in the user's language (gettext: LANGUAGE, LC_ALL, LC_MESSAGES,
# LANG), from the filters' catalogue: where BAOCAO_LOCALEDIR says, else
# share/locale beside bin/ (installed), else locale/ beside the filters
# on PATH (a build tree).
export TEXTDOMAIN=baocao
for d in "${BAOCAO_LOCALEDIR:-}" "$here/../share/locale" \
	"$(dirname -- "$(command -v baocao-normalize || echo .)")/locale"; do
	if [ -n "$d" ] && { [ -d "$d" ] || [ -n "${BAOCAO_LOCALEDIR:-}" ]; }; then
		export TEXTDOMAINDIR=$d
		break
	fi
done
command -v gettext > /dev/null || gettext() { [ "$1" != -- ] || shift; printf '%s' "$1"; }
# msg TEXT: TEXT translated.
msg() { gettext -- "$1"; }
# say FORMAT ARG...: "PROG: " and the message, its format translated,
# filled in as printf fills one, on stderr.
say() {
	local f
	f=$(gettext -- "$1")
	shift
	# shellcheck disable=SC2059 # the format is the message's
	printf "%s: $f\n" "$prog" "$@" >&2
}
die() { say "$@"; exit 2; }
# tell FORMAT ARG...: a line of the output for people, translated.
tell() {
	local f
	f=$(gettext -- "$1")
	shift
	# shellcheck disable=SC2059 # the format is the line's
	printf "$f\n" "$@"
}
usage() {
	local f
	f=$(msg 'usage: %s')
	# shellcheck disable=SC2059 # the format is the message's
	printf "$f\n" "$prog $synopsis" >&2
	f=$(msg "Try '%s --help' for more information.")
	# shellcheck disable=SC2059 # the format is the message's
	printf "$f\n" "$prog" >&2
	exit 2
}
# The script's opening comment, from its second line to 'set -e'.
help() {
	sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' || exit 2
	exit 0
}
version() {
	echo "${command_name:-baocao-$prog} $version" || exit 2
	exit 0
}
