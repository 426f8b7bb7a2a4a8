// lcngeom/detail/flint_cell.hpp -- storage for a FLINT/Arb struct without its C header.
//
// The value types (Integer, Rational, IntPoly, ...) hold their FLINT struct in
// a FlintCell: raw bytes of the struct's size and alignment, so that the
// public headers need neither <flint/...> nor <arb.h> and define none of their
// macros (HZ, MIN, MAX, ulong, slong, WORD, ...) in user code.  The C type
// itself is named only by <lcngeom/flint.hpp> (the opt-in escape hatch), which
// defines flint_type<W> and checks every size, alignment and word offset used
// here against the real structs.  Library sources include that header and use
// a cell exactly like FLINT's one-element array types (fmpz_poly_t): it
// converts to a pointer to the struct and has operator->.
#ifndef LCNGEOM_DETAIL_FLINT_CELL_HPP
#define LCNGEOM_DETAIL_FLINT_CELL_HPP

#include <concepts>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>

namespace lcngeom::detail {

/// The C struct behind the value type W (fmpz for Integer, fmpz_poly_struct
/// for IntPoly, arb_struct for Ball, ...).  Declared here, defined only by
/// <lcngeom/flint.hpp>: "incomplete type flint_type<...>" in a compiler error
/// means that header is missing.
template <class W>
struct flint_type;
template <class W>
using flint_t = typename flint_type<W>::type;

/// The value type wrapping the C struct F; defined by <lcngeom/flint.hpp>.
template <class F>
struct flint_wrapper;
/// F is the C struct behind W (the constructors from a raw FLINT value use it).
template <class F, class W>
concept flint_struct_of = std::same_as<typename flint_wrapper<F>::type, W>;

/// FLINT's slong (a signed machine word; checked by flint.hpp).
using flint_word = long;

/// FLINT's COEFF_IS_MPZ: an fmpz word holds its value if it has at most
/// FLINT_BITS - 2 bits, otherwise a tagged pointer to an mpz.  Values in
/// [-small_fmpz_max, small_fmpz_max] are always stored in the word, so two
/// small words are equal iff the integers are.
inline constexpr flint_word small_fmpz_max = (flint_word{1} << (8 * sizeof(flint_word) - 2)) - 1;
constexpr bool fmpz_word_is_big(flint_word w) noexcept { return (w >> (8 * sizeof(flint_word) - 2)) == 1; }

/// Built-in integer types a value type converts from implicitly: the signed
/// and unsigned integer types up to the width of long (not bool, not the
/// character types).
template <class T>
concept builtin_integer =
    std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, wchar_t> &&
    !std::same_as<T, char8_t> && !std::same_as<T, char16_t> && !std::same_as<T, char32_t> && sizeof(T) <= sizeof(long);

/// Words * sizeof(flint_word) bytes holding the struct flint_t<W>, created
/// and destroyed by W's FLINT calls (the struct is a C aggregate, so its
/// lifetime begins with the storage).
template <class W, std::size_t Words>
class FlintCell {
 public:
  static constexpr std::size_t words = Words;

  template <class U = W>
  flint_t<U>* get() noexcept {
    static_assert(fits<flint_t<U>>(), "lcngeom: FlintCell size or alignment differs from the FLINT struct");
    return std::launder(reinterpret_cast<flint_t<U>*>(bytes_));
  }
  template <class U = W>
  const flint_t<U>* get() const noexcept {
    static_assert(fits<flint_t<U>>(), "lcngeom: FlintCell size or alignment differs from the FLINT struct");
    return std::launder(reinterpret_cast<const flint_t<U>*>(bytes_));
  }
  template <class U = W>
  flint_t<U>* operator->() noexcept {
    return get<U>();
  }
  template <class U = W>
  const flint_t<U>* operator->() const noexcept {
    return get<U>();
  }
  // Decays like FLINT's one-element arrays (fmpz_poly_t), e.g. fmpz_poly_add(r.v_, a.v_, b.v_).
  // The constraint names flint_t<U>, not flint_t<W>: a constraint that does not
  // depend on the member's own parameters is substituted when the class is
  // instantiated, and clang then needs flint_type<W> complete in every header.
  template <class T, class U = W>
  requires std::same_as<std::remove_const_t<T>, flint_t<U>>
  operator T*() noexcept { return get<U>(); }
  template <class T, class U = W>
  requires std::same_as<T, const flint_t<U>>
  operator T*() const noexcept { return get<U>(); }

  /// Word i of the struct, for the inline fast paths that need no FLINT call
  /// (flint.hpp checks the offsets they use).
  flint_word word(std::size_t i) const noexcept {
    flint_word w;
    std::memcpy(&w, bytes_ + i * sizeof(flint_word), sizeof w);
    return w;
  }
  void set_word(std::size_t i, flint_word w) noexcept { std::memcpy(bytes_ + i * sizeof(flint_word), &w, sizeof w); }
  /// Exchanges the bytes of two cells (FLINT's *_swap for these structs: none
  /// of them points into itself).
  void swap(FlintCell& o) noexcept {
    unsigned char t[sizeof bytes_];
    std::memcpy(t, bytes_, sizeof t);
    std::memcpy(bytes_, o.bytes_, sizeof t);
    std::memcpy(o.bytes_, t, sizeof t);
  }
  void copy_bytes_from(const FlintCell& o) noexcept { std::memcpy(bytes_, o.bytes_, sizeof bytes_); }

 private:
  template <class S>
  static constexpr bool fits() noexcept {
    return sizeof(S) == Words * sizeof(flint_word) && alignof(S) <= alignof(flint_word) &&
           std::is_trivially_copyable_v<S>;
  }
  alignas(flint_word) unsigned char bytes_[Words * sizeof(flint_word)];
};

/// A heap-allocated flint_t<W>, for a struct too large to embed (the
/// fmpq_mpoly context).  allocate()/release() are instantiated only where
/// flint.hpp is included.
template <class W>
class FlintBox {
 public:
  template <class U = W>
  void allocate() {
    p_ = new flint_t<U>;
  }
  template <class U = W>
  void release() noexcept {
    delete static_cast<flint_t<U>*>(p_);
    p_ = nullptr;
  }
  template <class U = W>
  flint_t<U>* get() const noexcept {
    return static_cast<flint_t<U>*>(p_);
  }
  template <class U = W>
  flint_t<U>* operator->() const noexcept {
    return get<U>();
  }
  template <class T, class U = W>  // U: see FlintCell's conversions
  requires std::same_as<std::remove_const_t<T>, flint_t<U>>
  operator T*() const noexcept { return get<U>(); }

 private:
  void* p_ = nullptr;
};

}  // namespace lcngeom::detail

#endif
