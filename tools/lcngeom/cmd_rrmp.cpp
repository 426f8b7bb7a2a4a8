// lcngeom rrmp: the real root multiplicity pattern of one form, or of one form
// per line of a file (--batch, on all cores, see batch.hpp) without per-form
// process start-up.
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "batch.hpp"
#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"
#include "units.hpp"

namespace lcngeom::cli {

namespace {

struct RrmpOptions {
  std::string form, form_option;
  std::string batch;
  unsigned threads = 0;
  bool keep_going = false;
  bool quiet = false;
  bool json = false;
};

// Batch lines are parsed eight digits at a time (SWAR); every line handed to
// the parser has kBatchPad readable bytes after its end and a non-digit at its end.

std::uint64_t load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;  // first character in the lowest byte
}

// Number of leading ASCII digits among the 8 characters in x.  A byte b is a
// digit iff the high nibbles of b and b + 6 are both 3; the carry of b + 6
// can only leave a non-digit byte, so it never affects the leading run.
int leading_digits(std::uint64_t x) {
  constexpr std::uint64_t high = 0xF0F0F0F0F0F0F0F0ULL, three = 0x3030303030303030ULL;
  const std::uint64_t bad = ((x & high) ^ three) | (((x + 0x0606060606060606ULL) & high) ^ three);
  return bad == 0 ? 8 : __builtin_ctzll(bad) >> 3;
}

// Value of the first k (1..8) digits in x: left-pad with zero bytes, then
// combine pairs, quadruples and octets of digits by multiply-shifts.
std::uint64_t digits_value(std::uint64_t x, int k) {
  x <<= 8 * (8 - k);
  x = ((x & 0x0F0F0F0F0F0F0F0FULL) * 2561) >> 8;
  x = ((x & 0x00FF00FF00FF00FFULL) * 6553601) >> 16;
  return ((x & 0x0000FFFF0000FFFFULL) * 42949672960001ULL) >> 32;
}

// Parses a line of plain machine integers "a,b,c"; false if it is anything else
// (rationals, decimals, expressions, more than 18 digits) so the caller falls
// back to the exact parser.
bool parse_integer_line(const char* p, const char* end, std::vector<long>& out) {
  static constexpr std::uint64_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  out.clear();
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    bool neg = false;
    if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
    std::uint64_t v = 0;
    int total = 0;
    for (;;) {
      const std::uint64_t x = load8(p);
      const int k = leading_digits(x);
      if (k == 0) break;
      v = v * kPow10[k] + digits_value(x, k);
      p += k;
      total += k;
      if (k < 8 || total > 18) break;
    }
    if (total == 0 || total > 18) return false;  // no digits, or may not fit a long
    out.push_back(neg ? -static_cast<long>(v) : static_cast<long>(v));
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    if (p == end) return true;
    if (*p != ',') return false;
    ++p;
  }
}

// One rrmp per line: plain integer lines take the SWAR parser and
// rrmp(span) without building a BinaryForm, anything else the exact parser.
int run_batch(const RrmpOptions& o) {
  const BatchOptions options{o.batch, o.threads, o.keep_going, o.quiet};
  auto classify = [](const char* s, const char* e) {
    thread_local std::vector<long> coeffs;
    if (parse_integer_line(s, e, coeffs)) return rrmp(std::span<const long>(coeffs));
    return rrmp(parse_form(std::string_view(s, static_cast<std::size_t>(e - s))));
  };
  BatchHandler handler;
  if (o.json)
    handler = [&](const char* s, const char* e, std::string& out) {
      out += '"';
      classify(s, e).append_to(out);
      out += '"';
    };
  else
    handler = [&](const char* s, const char* e, std::string& out) { classify(s, e).append_to(out); };
  if (distributed()) return run_batch_units("rrmp --batch", options, o.json, "rrmps", handler);
  if (o.json) return run_batch_json(options, "rrmps", handler);
  return run_batch_text(options, handler);
}

const bool registered = register_command(
    {300, "rrmp", "real root multiplicity pattern (Definition 3.2) of a binary form, exact",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<RrmpOptions>();
       add_form_positional(app, o->form, o->form_option, "binary form");
       add_batch_options(app, o->batch, o->threads, o->keep_going,
                         "classify one form per line of FILE ('-' for stdin): one rrmp per line in input order, "
                         "blank lines stay blank, '#' lines are copied");
       add_json_flag(app, o->json);
       add_quiet_flag(app, o->quiet,
                      "with --batch: no progress bar (drawn on stderr only when stderr is a terminal and stdout "
                      "is not, or with --json)");
       return [o] {
         if (o->form.empty()) o->form = o->form_option;
         if (!o->batch.empty()) {
           if (!o->form.empty()) throw invalid_argument("give either a form or --batch FILE, not both");
           return run_batch(*o);
         }
         if (o->threads != 0 || o->keep_going) throw invalid_argument("--threads and --keep-going need --batch FILE");
         if (o->form.empty()) throw invalid_argument("missing FORM (or --batch FILE)");
         BinaryForm p = parse_form(o->form);
         Rrmp r = rrmp(p);
         if (o->json) {
           nlohmann::json j = form_json(p);
           j.update(rrmp_json(r));
           j["real_root_count"] = r.real_root_count();
           j["distinct_real_root_count"] = r.distinct_real_roots();
           print_json(j);
         } else {
           std::cout << r << '\n';
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
