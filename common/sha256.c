#include <stdio.h>
#include <string.h>

#include "sha256.h"

/* The SHA extensions of x86-64 processors, where the compiler knows them;
 * sha256_init asks the processor whether it has them. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SHA256_NI 1
#include <cpuid.h>
#include <immintrin.h>
#else
#define SHA256_NI 0
#endif

/* The first 32 bits of the fractional parts of the cube roots of the first
 * 64 primes (FIPS 180-4, 4.2.2). */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static uint32_t
ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

#define CH(x, y, z)	(((x) & (y)) ^ (~(x) & (z)))
#define MAJ(x, y, z)	(((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))
#define BSIG0(x)	(ror((x), 2) ^ ror((x), 13) ^ ror((x), 22))
#define BSIG1(x)	(ror((x), 6) ^ ror((x), 11) ^ ror((x), 25))
#define SSIG0(x)	(ror((x), 7) ^ ror((x), 18) ^ ((x) >> 3))
#define SSIG1(x)	(ror((x), 17) ^ ror((x), 19) ^ ((x) >> 10))

/* Round i, the eight working variables named where they stand in it
 * (FIPS 180-4, 6.2.2): no variable is moved between rounds. */
#define ROUND(a, b, c, d, e, f, g, h, i) do { \
	uint32_t t1_ = (h) + BSIG1(e) + CH((e), (f), (g)) + K[i] + w[i]; \
	(d) += t1_; \
	(h) = t1_ + BSIG0(a) + MAJ((a), (b), (c)); \
} while (0)

/* The portable compression function, on n blocks at p. */
static void
blocks_c(uint32_t *hs, const unsigned char *p, size_t n)
{
	uint32_t w[64], a, b, c, d, e, f, g, h;
	int i;

	for (; n > 0; n--, p += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[4 * i] << 24 |
			    (uint32_t)p[4 * i + 1] << 16 |
			    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
		for (i = 16; i < 64; i++)
			w[i] = SSIG1(w[i - 2]) + w[i - 7] + SSIG0(w[i - 15]) +
			    w[i - 16];
		a = hs[0], b = hs[1], c = hs[2], d = hs[3];
		e = hs[4], f = hs[5], g = hs[6], h = hs[7];
		for (i = 0; i < 64; i += 8) {
			ROUND(a, b, c, d, e, f, g, h, i);
			ROUND(h, a, b, c, d, e, f, g, i + 1);
			ROUND(g, h, a, b, c, d, e, f, i + 2);
			ROUND(f, g, h, a, b, c, d, e, i + 3);
			ROUND(e, f, g, h, a, b, c, d, i + 4);
			ROUND(d, e, f, g, h, a, b, c, i + 5);
			ROUND(c, d, e, f, g, h, a, b, i + 6);
			ROUND(b, c, d, e, f, g, h, a, i + 7);
		}
		hs[0] += a, hs[1] += b, hs[2] += c, hs[3] += d;
		hs[4] += e, hs[5] += f, hs[6] += g, hs[7] += h;
	}
}

#if SHA256_NI
/*
 * The same with the processor's SHA extensions: one instruction does two
 * rounds on the state held as ABEF and CDGH, two more make the message
 * schedule four words at a time.
 */
__attribute__((target("sha,ssse3,sse4.1"))) static void
blocks_ni(uint32_t *hs, const unsigned char *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
	    0x0405060700010203LL);
	__m128i abef, cdgh, x, y, m[4], wk, save0, save1;
	int g;

	x = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)hs), 0xB1);
	y = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(hs + 4)),
	    0x1B);
	abef = _mm_alignr_epi8(x, y, 8);
	cdgh = _mm_blend_epi16(y, x, 0xF0);
	for (; n > 0; n--, p += 64) {
		save0 = abef;
		save1 = cdgh;
		for (g = 0; g < 16; g++) {
			/* Words 4g..4g+3 of the schedule, into m[g % 4]. */
			if (g < 4) {
				m[g] = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(p + 16 * g)), bswap);
			} else {
				x = _mm_sha256msg1_epu32(m[g & 3],
				    m[(g + 1) & 3]);
				x = _mm_add_epi32(x, _mm_alignr_epi8(
				    m[(g + 3) & 3], m[(g + 2) & 3], 4));
				m[g & 3] = _mm_sha256msg2_epu32(x,
				    m[(g + 3) & 3]);
			}
			wk = _mm_add_epi32(m[g & 3],
			    _mm_loadu_si128((const __m128i *)(K + 4 * g)));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			abef = _mm_sha256rnds2_epu32(abef, cdgh,
			    _mm_shuffle_epi32(wk, 0x0E));
		}
		abef = _mm_add_epi32(abef, save0);
		cdgh = _mm_add_epi32(cdgh, save1);
	}
	x = _mm_shuffle_epi32(abef, 0x1B);
	y = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)hs, _mm_blend_epi16(x, y, 0xF0));
	_mm_storeu_si128((__m128i *)(hs + 4), _mm_alignr_epi8(y, x, 8));
}

/*
 * Whether the processor has the SHA extensions, SSSE3 and SSE4.1.  Asked
 * once a process: in a virtual machine each cpuid traps to the host
 * (some 20 microseconds, as much as hashing a report).
 */
static int
have_ni(void)
{
	static int known = -1;	/* a fact of the machine, not run state */
	unsigned a, b, c, d;

	if (known < 0)
		known = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) &&
		    (c & bit_SSE4_1) &&
		    __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
	return known;
}
#endif

static void
init(struct sha256 *s, void (*blocks)(uint32_t *, const unsigned char *,
    size_t))
{
	/* The fractional parts of the square roots of the first 8 primes. */
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
		0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memcpy(s->h, h0, sizeof(h0));
	s->len = 0;
	s->nblk = 0;
	s->blocks = blocks;
}

void
sha256_init(struct sha256 *s)
{
#if SHA256_NI
	if (have_ni()) {
		init(s, blocks_ni);
		return;
	}
#endif
	init(s, blocks_c);
}

void
sha256_init_portable(struct sha256 *s)
{
	init(s, blocks_c);
}

void
sha256_add(struct sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t k;

	s->len += n;
	if (s->nblk > 0) {
		k = 64 - s->nblk < n ? 64 - s->nblk : n;
		memcpy(s->blk + s->nblk, p, k);
		s->nblk += k;
		p += k;
		n -= k;
		if (s->nblk < 64)
			return;
		s->blocks(s->h, s->blk, 1);
		s->nblk = 0;
	}
	if (n >= 64) {
		s->blocks(s->h, p, n / 64);
		p += n / 64 * 64;
		n %= 64;
	}
	memcpy(s->blk, p, n);
	s->nblk = n;
}

void
sha256_hex(struct sha256 *s, char out[65])
{
	uint64_t bits = s->len * 8;
	unsigned char pad[72] = { 0x80 };
	size_t npad = (s->nblk < 56 ? 56 : 120) - s->nblk;
	int i;

	for (i = 0; i < 8; i++)
		pad[npad + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_add(s, pad, npad + 8);
	for (i = 0; i < 8; i++)
		snprintf(out + 8 * i, 9, "%08x", (unsigned)s->h[i]);
}
