// python/src/module.cpp -- the pybind11 module `lcngeom`: number conversions
// and the exception hierarchy (docs/python.md).
//
//   lcngeom.Error(Exception)                    lcngeom::error
//   ├── lcngeom.InvalidArgument(Error, ValueError)   lcngeom::invalid_argument
//   │   └── lcngeom.ParseError                        lcngeom::parse_error (.position)
//   ├── lcngeom.DomainError(Error, ValueError)       lcngeom::domain_error
//   └── lcngeom.NotSupported(Error, NotImplementedError)  lcngeom::not_supported
#include <string>

#include "common.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/version.hpp"

namespace lcngeom_python {

py::handle fraction_class() {
  static py::handle cls = py::object(py::module_::import("fractions").attr("Fraction")).release();
  return cls;
}

py::handle rational_abc() {
  static py::handle cls = py::object(py::module_::import("numbers").attr("Rational")).release();
  return cls;
}

bool load_integer(py::handle src, lcngeom::Integer& out) {
  if (!PyIndex_Check(src.ptr()) || PyFloat_Check(src.ptr())) return false;
  auto index = py::reinterpret_steal<py::object>(PyNumber_Index(src.ptr()));
  if (!index) {
    PyErr_Clear();
    return false;
  }
  int overflow = 0;
  const long v = PyLong_AsLongAndOverflow(index.ptr(), &overflow);
  if (v == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return false;
  }
  if (overflow == 0) out = v;
  else out = lcngeom::Integer(py::str(index).cast<std::string>());
  return true;
}

py::object integer_to_python(const lcngeom::Integer& v) {
  if (v.fits_long()) return py::reinterpret_steal<py::object>(PyLong_FromLong(v.to_long()));
  const std::string s = v.to_string();
  return py::reinterpret_steal<py::object>(PyLong_FromString(s.c_str(), nullptr, 10));
}

py::object rational_to_python(const lcngeom::Rational& v) {
  return fraction_class()(integer_to_python(v.numerator()), integer_to_python(v.denominator()));
}

namespace {

struct ExceptionClasses {
  py::handle error, invalid_argument, parse_error, domain_error, not_supported;
};

ExceptionClasses& exception_classes() {
  static ExceptionClasses classes;
  return classes;
}

py::handle make_exception(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  py::dict ns;
  ns["__module__"] = "lcngeom";
  ns["__doc__"] = doc;
  py::object cls = py::module_::import("builtins").attr("type")(name, bases, ns);
  m.attr(name) = cls;
  return cls.release();
}

void raise(py::handle cls, const char* what) { PyErr_SetString(cls.ptr(), what); }

void bind_exceptions(py::module_& m) {
  ExceptionClasses& c = exception_classes();
  auto builtin = [](PyObject* e) { return py::reinterpret_borrow<py::object>(e); };
  c.error = make_exception(m, "Error", py::make_tuple(builtin(PyExc_Exception)),
                           "Base of every exception lcngeom raises (C++ lcngeom::error).");
  c.invalid_argument = make_exception(m, "InvalidArgument", py::make_tuple(c.error, builtin(PyExc_ValueError)),
                                      "A value outside the documented domain (C++ lcngeom::invalid_argument).");
  c.parse_error = make_exception(m, "ParseError", py::make_tuple(c.invalid_argument),
                                 "Malformed text; .position is the 0-based offset of the offending character.");
  c.domain_error = make_exception(m, "DomainError", py::make_tuple(c.error, builtin(PyExc_ValueError)),
                                  "A mathematical precondition fails (C++ lcngeom::domain_error).");
  c.not_supported = make_exception(m, "NotSupported", py::make_tuple(c.error, builtin(PyExc_NotImplementedError)),
                                   "A well-formed request the algorithm cannot answer (C++ lcngeom::not_supported).");
  py::register_exception_translator([](std::exception_ptr p) {
    const ExceptionClasses& k = exception_classes();
    try {
      if (p) std::rethrow_exception(p);
    } catch (const lcngeom::parse_error& e) {
      py::object inst = k.parse_error(e.what());
      inst.attr("position") = e.position();
      PyErr_SetObject(k.parse_error.ptr(), inst.ptr());
    } catch (const lcngeom::invalid_argument& e) {
      raise(k.invalid_argument, e.what());
    } catch (const lcngeom::domain_error& e) {
      raise(k.domain_error, e.what());
    } catch (const lcngeom::not_supported& e) {
      raise(k.not_supported, e.what());
    } catch (const lcngeom::error& e) {
      raise(k.error, e.what());
    }
  });
}

}  // namespace

}  // namespace lcngeom_python

PYBIND11_MODULE(lcngeom, m) {
  namespace lp = lcngeom_python;
  m.doc() =
      "Exact geometry of linear convolutional networks (Kohn, Merkh, Montufar, Trager 2022).\n"
      "Exact numbers are int and fractions.Fraction; certified reals carry lo/hi Fractions.\n"
      "See docs/python.md.";
  m.attr("__version__") = lcngeom::version();
  m.attr("flint_version") = lcngeom::flint_version();
  m.attr("arb_version") = lcngeom::arb_version();
  lp::bind_exceptions(m);
  lp::bind_numbers(m);
  lp::bind_forms(m);
  lp::bind_lcn(m);
  lp::bind_critical(m);
  lp::bind_experiments(m);
}
