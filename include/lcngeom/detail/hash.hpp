// lcngeom/detail/hash.hpp -- the hash mixing behind lcngeom's std::hash specialisations.
#ifndef LCNGEOM_DETAIL_HASH_HPP
#define LCNGEOM_DETAIL_HASH_HPP

#include <cstddef>
#include <cstdint>

namespace lcngeom::detail {

/// Mixes a hash value (the splitmix64 finaliser) so that combinations of small
/// integers spread over all bits.
constexpr std::size_t hash_mix(std::size_t h) noexcept {
  std::uint64_t z = static_cast<std::uint64_t>(h) + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<std::size_t>(z ^ (z >> 31));
}

/// The hash of the sequence (..., h) from the hash `seed` of its prefix.
constexpr std::size_t hash_combine(std::size_t seed, std::size_t h) noexcept { return hash_mix(seed ^ hash_mix(h)); }

}  // namespace lcngeom::detail

#endif
