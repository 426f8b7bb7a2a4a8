// lcngeom/error.hpp -- the exception hierarchy of lcngeom.
//
// Every library function that rejects its input throws one of these types
// (never aborts): FLINT aborts the process on a violated precondition, so the
// C++ layer checks preconditions before any FLINT call.  The message names the
// offending value.
//
//   lcngeom::error                  base of everything thrown by lcngeom
//   ├── lcngeom::invalid_argument   a value outside the documented domain
//   │   └── lcngeom::parse_error    malformed text (coefficient list, expression, rrmp)
//   ├── lcngeom::domain_error       a mathematical precondition fails
//   │                               (zero form, inexact division, pattern mismatch)
//   └── lcngeom::not_supported      a well-formed request the algorithm cannot answer
//                                   (it says so instead of returning a wrong result)
#ifndef LCNGEOM_ERROR_HPP
#define LCNGEOM_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>

namespace lcngeom {

/// Base of every exception thrown by lcngeom (see the file comment).
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A value outside the documented domain of a function.
class invalid_argument : public error {
 public:
  using error::error;
};

/// Malformed text (coefficient list, expression, rrmp, partition), with the position of the error.
class parse_error : public invalid_argument {
 public:
  /// `position` is the 0-based offset of the offending character in the input text.
  parse_error(const std::string& what, std::size_t position) : invalid_argument(what), position_(position) {}
  /// Without a known position (position() is 0).
  explicit parse_error(const std::string& what) : invalid_argument(what) {}
  /// 0-based offset of the offending character in the input text.
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_ = 0;
};

/// A mathematical precondition fails (zero form, inexact division, pattern mismatch).
class domain_error : public error {
 public:
  using error::error;
};

/// A valid request the library does not implement (e.g. too many root coordinates to eliminate).
class not_supported : public error {
 public:
  using error::error;
};

}  // namespace lcngeom

#endif
