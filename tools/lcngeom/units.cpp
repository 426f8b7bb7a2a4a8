// The sequential unit runner of `lcngeom` (units.hpp).
#include "units.hpp"

#include <stdexcept>
#include <utility>

#include "options.hpp"

namespace lcngeom::cli {

namespace {

std::function<void(const UnitJob&)>& runner() {
  static std::function<void(const UnitJob&)> r;
  return r;
}

std::size_t& size_setting() {
  static std::size_t s = 0;
  return s;
}

}  // namespace

void run_units(const UnitJob& job) {
  if (runner()) return runner()(job);
  for (std::size_t i = 0; i < job.units; ++i)
    if (!job.emit(i, job.run(i))) return;
}

void set_unit_runner(std::function<void(const UnitJob&)> r) { runner() = std::move(r); }

bool distributed() noexcept { return static_cast<bool>(runner()); }

std::size_t unit_size() noexcept { return size_setting(); }

void set_unit_size(std::size_t size) noexcept { size_setting() = size; }

std::string error_type(const lcngeom::error& e) {
  if (dynamic_cast<const resource_limit*>(&e)) return "resource_limit";
  if (dynamic_cast<const parse_error*>(&e)) return "parse_error";
  if (dynamic_cast<const invalid_argument*>(&e)) return "invalid_argument";
  if (dynamic_cast<const domain_error*>(&e)) return "domain_error";
  if (dynamic_cast<const not_supported*>(&e)) return "not_supported";
  return "error";
}

void throw_error(const std::string& type, const std::string& message) {
  if (type == "resource_limit") throw resource_limit(message);
  if (type == "parse_error") throw parse_error(message);
  if (type == "invalid_argument") throw invalid_argument(message);
  if (type == "domain_error") throw domain_error(message);
  if (type == "not_supported") throw not_supported(message);
  if (type == "error") throw lcngeom::error(message);
  throw std::runtime_error(message);
}

}  // namespace lcngeom::cli
