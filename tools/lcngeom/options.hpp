// The command-line vocabulary (docs/cli.md): every option that means the same
// thing in several subcommands is declared here, once, with its help text,
// default, range and hidden old spellings.  A subcommand file only picks the
// options it takes.
#ifndef LCNGEOM_TOOLS_OPTIONS_HPP
#define LCNGEOM_TOOLS_OPTIONS_HPP

#include <cstdint>
#include <initializer_list>
#include <string>

#include <CLI/CLI.hpp>

#include "lcngeom/decimal.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom::cli {

// ---------------------------------------------------------------- defaults and limits

/// --digits: correct significant digits of every printed decimal, one
/// default for every subcommand (the library's default_digits).
inline constexpr int kDefaultDigits = default_digits;
inline constexpr int kMaxDigits = max_digits;

/// Largest degree n for which a subcommand enumerates every partition or
/// every rrmp of n (loci, arch --lists, ed-degree): at n = 40
/// the rrmp list alone takes about a gigabyte as JSON.
inline constexpr int kMaxEnumerationDegree = 40;
/// compatible: one placement search per rrmp of the end-to-end degree (degree
/// 26 takes 5 s, 28 about half a minute, each further step about 4 times more).
inline constexpr int kMaxCompatibleDegree = 30;
/// arch lists the rrmps of the function space without --lists up to this degree.
inline constexpr int kDefaultListDegree = 30;
/// Largest target degree handed to the exact locus solver (critical,
/// function-space-min, classify-params --max-search-degree): degree 10 takes
/// seconds, 12 minutes and gigabytes, 18 fails to allocate.
inline constexpr int kMaxSolverDegree = 12;
/// Largest target degree of critical --filters (Example 5.10): degree 20 takes
/// seconds, 24 minutes, 30 fails to allocate.
inline constexpr int kMaxLinearFactorDegree = 24;
/// fiber --max-classes: each listed class costs kilobytes (a JSON listing of
/// 362880 classes peaks at 3 GB).
inline constexpr long kMaxListedClasses = 100000;

/// A request larger than a documented CLI limit (exit 2, JSON error type
/// "resource_limit"); thrown before the library is called.
class resource_limit : public not_supported {
 public:
  using not_supported::not_supported;
};

/// Throws resource_limit "<what> is <value>; at most <limit> <why>" if value > limit.
inline void check_limit(long value, long limit, const std::string& what, const std::string& why = "") {
  if (value > limit)
    throw resource_limit(what + " is " + std::to_string(value) + "; lcngeom accepts at most " + std::to_string(limit) +
                         (why.empty() ? std::string() : " (" + why + ")"));
}

// ---------------------------------------------------------------- options

/// Old spellings stay accepted but are not listed in --help.
inline CLI::Option* add_hidden_alias(CLI::App& app, const std::string& name, std::string& target, CLI::Option* primary,
                                     const std::string& now) {
  CLI::Option* o = app.add_option(name, target, "old spelling of " + now)->group("");
  if (primary) o->excludes(primary);
  return o;
}

inline constexpr const char* kFormSyntax =
    "coefficients a_0,...,a_n of a_0 x^n + ... + a_n y^n (rationals allowed, e.g. 2,0,1/5) or an expression in "
    "x and y, e.g. \"(x-y)^2*(x^2+7xy+y^2)/5\"";

/// The positional FORM (the form a subcommand is about), with --form as a
/// hidden alias (the old spelling of loci; accepted everywhere).  The two
/// spellings exclude each other unless `exclusive` is false.
inline void add_form_positional(CLI::App& app, std::string& form, std::string& form_option, const std::string& what,
                                bool exclusive = true) {
  CLI::Option* p = app.add_option("FORM", form, what + ": " + kFormSyntax);
  add_hidden_alias(app, "--form", form_option, exclusive ? p : nullptr, "the positional FORM");
}

/// The form from FORM or its alias --form; throws if it is missing and required.
inline std::string form_text(const std::string& form, const std::string& form_option, bool required) {
  const std::string& t = form.empty() ? form_option : form;
  if (required && t.empty()) throw invalid_argument("missing FORM (" + std::string(kFormSyntax) + ")");
  return t;
}

inline void add_json_flag(CLI::App& app, bool& json) {
  app.add_flag("--json", json, "print one JSON object on stdout (docs/lcngeom.schema.json); errors too");
}

inline CLI::Option* add_filters_option(CLI::App& app, std::string& filters, bool required,
                                       const std::string& help = "filter sizes k_1,...,k_L, e.g. 4,2") {
  CLI::Option* o = app.add_option("--filters", filters, help);
  if (required) o->required();
  return o;
}

inline void add_strides_option(CLI::App& app, std::string& strides) {
  app.add_option("--strides", strides, "strides s_1,...,s_L (default all 1)");
}

/// --weights "w_1;w_2;..." (filter coefficients, e.g. "2,0,5,0;1,0"), with
/// the old spellings given as hidden aliases.
inline void add_weights_option(CLI::App& app, std::string& weights, const std::string& help,
                               std::initializer_list<const char*> old_names) {
  CLI::Option* w = app.add_option("--weights", weights, help + "; filters separated by ';', e.g. \"2,0,5,0;1,0\"");
  for (const char* name : old_names) add_hidden_alias(app, name, weights, w, "--weights");
}

inline void add_target_option(CLI::App& app, std::string& target, const std::string& help) {
  app.add_option("--target", target, help + ": " + kFormSyntax)->required();
}

inline void add_norm_option(CLI::App& app, std::string& norm) {
  app.add_option("--norm", norm,
                 "inner product on forms: euclidean (default), bombieri (eq. 6.10), or a symmetric positive definite "
                 "matrix, rows separated by ';' (e.g. \"1,0,0;0,1/2,0;0,0,1\")");
}

inline void add_locus_option(CLI::App& app, std::string& locus, const std::string& help) {
  app.add_option("--locus", locus, help + " (a partition lambda, parts descending, e.g. 2,1,1)");
}

inline CLI::Option* add_degree_option(CLI::App& app, int& degree, bool required) {
  CLI::Option* o =
      app.add_option("--degree", degree, "degree n of the forms (0.." + std::to_string(kMaxEnumerationDegree) + ")");
  if (required) o->required();
  return o;
}

/// --digits N: correct significant digits of printed decimals (1..kMaxDigits,
/// default kDefaultDigits).  Decisions never depend on it.
inline void add_digits_option(CLI::App& app, int& digits) {
  digits = kDefaultDigits;
  app.add_option("--digits", digits,
                 "correct significant digits of printed decimals (default " + std::to_string(kDefaultDigits) +
                     "; exact results and decisions do not depend on it)")
      ->check(CLI::Range(1, kMaxDigits));
}

/// --batch FILE (one form per line, '-' = stdin; tools/lcngeom/batch.hpp),
/// --threads N (worker threads; default 0 = all hardware threads) and
/// --keep-going (an error line for a bad input line instead of stopping).
inline void add_batch_options(CLI::App& app, std::string& file, unsigned& threads, bool& keep_going,
                              const std::string& help) {
  app.add_option("--batch", file, help);
  app.add_option("--threads", threads, "with --batch: worker threads (default: all hardware threads)")
      ->check(CLI::Range(1u, 1024u));
  app.add_flag("--keep-going", keep_going,
               "with --batch: print 'error: <message>' for a bad line and go on (exit 2 at the end)");
}

inline void add_seed_option(CLI::App& app, std::uint64_t& seed, const std::string& help) {
  app.add_option("--seed", seed, help);
}

inline void add_quiet_flag(CLI::App& app, bool& quiet, const std::string& help) {
  app.add_flag("--quiet", quiet, help);
}

}  // namespace lcngeom::cli

#endif
