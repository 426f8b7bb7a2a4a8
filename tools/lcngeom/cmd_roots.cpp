// lcngeom roots: the real roots of a binary form in P^1, certified (isolating
// intervals with rational endpoints), with multiplicities; or of one form per
// line of a file (--batch, on all cores, see batch.hpp).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "batch.hpp"
#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct RootsOptions {
  std::string form, form_option;
  std::string batch;
  unsigned threads = 0;
  bool keep_going = false;
  bool quiet = false;
  int digits = kDefaultDigits;
  bool json = false;
};

// The JSON object of one form's certified real roots ($defs/cmd_roots).
nlohmann::json roots_json(const BinaryForm& p, const std::vector<RealRoot>& roots, int digits) {
  nlohmann::json a = nlohmann::json::array();
  int count = 0;
  for (const RealRoot& r : roots) {
    count += r.multiplicity();
    a.push_back({{"t", r.at_infinity() ? nlohmann::json(nullptr) : certified_real_json(r, digits)},
                 {"point", r.at_infinity() ? "(1:0)" : "(t:1)"},
                 {"at_infinity", r.at_infinity()},
                 {"exact", r.is_exact()},
                 {"multiplicity", r.multiplicity()}});
  }
  nlohmann::json j = form_json(p);
  j["real_roots"] = a;
  j["real_root_count"] = count;
  j["distinct_real_root_count"] = roots.size();
  j["digits"] = digits;
  j["certified"] =
      "each [lo, hi] contains exactly one root of the square-free part, and every point of it rounds to the decimal "
      "(digits correct significant digits)";
  return j;
}

// One line per form for --batch: the roots in increasing order, exact ones as
// rationals, the others as decimals with `digits` significant digits, (1:0)
// as "inf", a multiplicity m > 1 as "^m"; "none" if there is no real root.
void append_roots_line(std::string& out, const std::vector<RealRoot>& roots, int digits) {
  if (roots.empty()) out += "none";
  for (std::size_t i = 0; i < roots.size(); ++i) {
    const RealRoot& r = roots[i];
    if (i) out += ' ';
    out += r.at_infinity() ? "inf" : r.is_exact() ? r.lo().to_string() : AlgebraicReal(r).to_decimal(digits);
    if (r.multiplicity() > 1) out += '^' + std::to_string(r.multiplicity());
  }
}

int run_batch(const RootsOptions& o) {
  const BatchOptions options{o.batch, o.threads, o.keep_going, o.quiet};
  const int digits = o.digits;
  auto parse = [](const char* s, const char* e) {
    return parse_form(std::string_view(s, static_cast<std::size_t>(e - s)));
  };
  if (o.json)
    return run_batch_json(options, "roots", [&](const char* s, const char* e, std::string& out) {
      const BinaryForm p = parse(s, e);
      out += roots_json(p, real_roots(p), digits).dump();
    });
  return run_batch_text(options, [&](const char* s, const char* e, std::string& out) {
    append_roots_line(out, real_roots(parse(s, e)), digits);
  });
}

const bool registered = register_command(
    {330, "roots", "certified real roots in P^1: isolating intervals with rational endpoints",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<RootsOptions>();
       add_form_positional(app, o->form, o->form_option, "binary form");
       add_digits_option(app, o->digits);
       add_batch_options(app, o->batch, o->threads, o->keep_going,
                         "one form per line of FILE ('-' for stdin), one line of roots per form in input order: "
                         "exact roots as rationals, others as decimals, inf for (1:0), ^m for multiplicity m, none");
       add_json_flag(app, o->json);
       add_quiet_flag(app, o->quiet,
                      "with --batch: no progress bar (drawn on stderr only when stderr is a terminal and stdout "
                      "is not, or with --json)");
       return [o] {
         if (!o->batch.empty()) {
           if (!form_text(o->form, o->form_option, false).empty())
             throw invalid_argument("give either a form or --batch FILE, not both");
           return run_batch(*o);
         }
         if (o->threads != 0 || o->keep_going) throw invalid_argument("--threads and --keep-going need --batch FILE");
         const BinaryForm p = parse_form(form_text(o->form, o->form_option, true));
         const std::vector<RealRoot> roots = real_roots(p);
         if (o->json) {
           print_json(roots_json(p, roots, o->digits));
         } else {
           if (roots.empty()) std::cout << "no real roots\n";
           for (const RealRoot& r : roots) {
             if (r.at_infinity()) {
               std::cout << "(1:0)";
             } else if (r.is_exact()) {
               std::cout << "t = " << r.lo() << " (exact)";
             } else {
               const AlgebraicReal a(r);
               const std::string d = a.to_decimal(o->digits);  // refines [lo, hi] until it certifies d
               std::cout << "t = " << d << "  in [" << a.lo() << ", " << a.hi() << "]";
             }
             std::cout << "  multiplicity " << r.multiplicity() << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
