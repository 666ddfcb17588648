#include "CLibXML2Shim.h"

#include <string.h>
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <tmmintrin.h>
#define PROVSTAT_UTF8_SIMD 1
#endif

// UTF-8 validation sixteen bytes at a time with SSSE3 byte lookups (Keiser and Lemire, "Validating
// UTF-8 In Less Than One Instruction Per Byte", 2021): every error of Unicode table 3-7 shows in the
// high nibble of a byte, the low nibble of the byte before it, and the high nibble of the byte
// itself, so three table lookups and an AND find them all but the missing third and fourth bytes,
// which a saturating subtraction finds.

#if defined(PROVSTAT_UTF8_SIMD)

enum {
    TOO_SHORT = 1 << 0,  // a lead byte not followed by a continuation
    TOO_LONG = 1 << 1,  // a continuation after ASCII
    OVERLONG_3 = 1 << 2,  // E0 80–9F
    TOO_LARGE = 1 << 3,  // F4 90–BF, F5–FF
    SURROGATE = 1 << 4,  // ED A0–BF
    OVERLONG_2 = 1 << 5,  // C0–C1
    TOO_LARGE_1000 = 1 << 6,  // F5–FF 80–8F
    OVERLONG_4 = 1 << 6,  // F0 80–8F
    TWO_CONTS = 1 << 7,  // a continuation after a continuation (unless a third or fourth byte)
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

/// The last `count` bytes of `previous` followed by the first 16 - `count` of `input`.
#define PROVSTAT_PREVIOUS(input, previous, count) _mm_alignr_epi8((input), (previous), 16 - (count))

__attribute__((target("ssse3"))) static __m128i provstat_utf8_block_errors(__m128i input, __m128i previous) {
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i byte_1_high_table = _mm_setr_epi8(
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TOO_LONG),
        (char)(TWO_CONTS),
        (char)(TWO_CONTS),
        (char)(TWO_CONTS),
        (char)(TWO_CONTS),
        (char)(TOO_SHORT | OVERLONG_2),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT | OVERLONG_3 | SURROGATE),
        (char)(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4));
    const __m128i byte_1_low_table = _mm_setr_epi8(
        (char)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4),
        (char)(CARRY | OVERLONG_2),
        (char)(CARRY),
        (char)(CARRY),
        (char)(CARRY | TOO_LARGE),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (char)(CARRY | TOO_LARGE | TOO_LARGE_1000));
    const __m128i byte_2_high_table = _mm_setr_epi8(
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
        (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
        (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT),
        (char)(TOO_SHORT));
    __m128i previous_1 = PROVSTAT_PREVIOUS(input, previous, 1);
    __m128i byte_1_high = _mm_shuffle_epi8(byte_1_high_table, _mm_and_si128(_mm_srli_epi16(previous_1, 4), nibble));
    __m128i byte_1_low = _mm_shuffle_epi8(byte_1_low_table, _mm_and_si128(previous_1, nibble));
    __m128i byte_2_high = _mm_shuffle_epi8(byte_2_high_table, _mm_and_si128(_mm_srli_epi16(input, 4), nibble));
    __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
    // A third byte (two after E0–EF) or fourth (three after F0–FF) is the continuation after a
    // continuation that TWO_CONTS flags: it must be flagged exactly there.
    __m128i third = _mm_subs_epu8(PROVSTAT_PREVIOUS(input, previous, 2), _mm_set1_epi8((char)(0xE0 - 0x80)));
    __m128i fourth = _mm_subs_epu8(PROVSTAT_PREVIOUS(input, previous, 3), _mm_set1_epi8((char)(0xF0 - 0x80)));
    __m128i expected = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
    return _mm_xor_si128(expected, special);
}

/// Non-zero where the block's last bytes start a sequence it does not finish.
__attribute__((target("ssse3"))) static __m128i provstat_utf8_incomplete(__m128i input) {
    const __m128i limits = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1),
                                         (char)(0xE0 - 1), (char)(0xC0 - 1));
    return _mm_subs_epu8(input, limits);
}

__attribute__((target("ssse3"))) static int provstat_utf8_check(const uint8_t *bytes, size_t count) {
    __m128i error = _mm_setzero_si128();
    __m128i previous = _mm_setzero_si128();
    __m128i incomplete = _mm_setzero_si128();
    size_t index = 0;
    for (;; index += 16) {
        __m128i input;
        int last = count - index < 16;
        if (last) {
            // The rest padded with NUL (ASCII): a sequence cut off by the end shows as too short.
            uint8_t tail[16] = {0};
            memcpy(tail, bytes + index, count - index);
            input = _mm_loadu_si128((const __m128i *)tail);
        } else {
            input = _mm_loadu_si128((const __m128i *)(bytes + index));
        }
        if (_mm_movemask_epi8(input) == 0) {
            // ASCII: an error only if the block before left a sequence open.
            error = _mm_or_si128(error, incomplete);
        } else {
            error = _mm_or_si128(error, provstat_utf8_block_errors(input, previous));
            incomplete = provstat_utf8_incomplete(input);
        }
        previous = input;
        if (last) break;
        // Often enough to stop early on a bad page, rarely enough to cost nothing.
        if ((index & 4095) == 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) != 0xFFFF) return 0;
    }
    return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

#endif

int provstat_utf8_valid(const uint8_t *bytes, size_t count) {
#if defined(PROVSTAT_UTF8_SIMD)
    if (__builtin_cpu_supports("ssse3")) return provstat_utf8_check(bytes, count);
#endif
    (void)bytes;
    (void)count;
    return -1;
}
