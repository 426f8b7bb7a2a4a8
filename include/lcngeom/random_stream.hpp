// lcngeom/random_stream.hpp -- the random numbers of the Section 7
// experiments: one independent, reproducible stream per key.
//
// The experiments of Section 7.1/7.2 draw data X, Y, targets U and initial
// filters i.i.d. N(0, 1).  To make every result independent of the number of
// threads and of the order in which runs are scheduled, each (seed,
// experiment, architecture, dataset, initialisation) gets its own stream,
// derived from that key alone:
//
//   key hash   h = 0x6A09E667F3BCC909;  for each key word w:
//                  h = splitmix64_mix(h ^ splitmix64_mix(w + 0x9E3779B97F4A7C15))
//   state      s_0..s_3 = the first four outputs of SplitMix64 started at h
//              (Vigna's recommended seeding of xoshiro256**)
//   generator  xoshiro256** 1.0 (Blackman & Vigna 2018), period 2^256 - 1
//   uniform    U = (next() >> 11) * 2^-53, a multiple of 2^-53 in [0, 1)
//   normal     Box-Muller on U1' = 1 - U1 in (0, 1] and U2:
//                  r = sqrt(-2 log U1'),  Z1 = r cos(2 pi U2),  Z2 = r sin(2 pi U2);
//              normal() returns Z1, then Z2, then draws the next pair.
//
// splitmix64_mix(z) = z ^ (z >> 31) after z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9,
// z = (z ^ (z >> 27)) * 0x94D049BB133111EB (Steele, Lea & Flood 2014).
//
// The integer part is exact on every platform; the normal deviates use
// std::log, std::sqrt, std::cos and std::sin, so they are bit-identical for
// one C library (glibc's are correctly rounded in practice) and agree to an
// ulp or so elsewhere.  std::normal_distribution is not used: its algorithm
// differs between standard libraries.
#ifndef LCNGEOM_RANDOM_STREAM_HPP
#define LCNGEOM_RANDOM_STREAM_HPP

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <span>

namespace lcngeom {

/// A reproducible xoshiro256** stream of uniform and normal deviates, one per key
/// (see the file comment for the exact algorithm).
class RandomStream {
 public:
  /// The stream of a key (any sequence of 64-bit words, e.g. {seed, tag,
  /// dataset}); equal keys give equal streams, different keys independent ones.
  explicit RandomStream(std::span<const std::uint64_t> key) noexcept { seed_from(hash_key(key)); }
  /// RandomStream{seed, tag, dataset}: the stream of a braced key.
  RandomStream(std::initializer_list<std::uint64_t> key) noexcept
      : RandomStream(std::span<const std::uint64_t>(key.begin(), key.size())) {}

  /// The next 64 bits of xoshiro256**.
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform on [0, 1), a multiple of 2^-53.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Standard normal N(0, 1) by Box-Muller (see the header comment).
  double normal() noexcept {
    if (have_spare_) {
      have_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double a = 6.283185307179586476925286766559 * u2;
    spare_ = r * std::sin(a);
    have_spare_ = true;
    return r * std::cos(a);
  }

  /// The key hash h of the header comment (exposed for tests and for other
  /// implementations of the same streams).
  static std::uint64_t hash_key(std::span<const std::uint64_t> key) noexcept {
    std::uint64_t h = 0x6A09E667F3BCC909ULL;
    for (std::uint64_t w : key) h = mix(h ^ mix(w + 0x9E3779B97F4A7C15ULL));
    return h;
  }

  /// SplitMix64's output function.
  static std::uint64_t mix(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  void seed_from(std::uint64_t h) noexcept {
    for (std::uint64_t& s : s_) {
      h += 0x9E3779B97F4A7C15ULL;  // SplitMix64 step
      s = mix(h);
    }
  }

  std::uint64_t s_[4] = {0, 0, 0, 0};
  double spare_ = 0.0;
  bool have_spare_ = false;
};

}  // namespace lcngeom

#endif
