// lcngeom ed-degree: ED degrees of every multiple root locus of degree n
// (Section 6.2, Examples 6.7, 6.9), counted modulo random primes.
#include <unistd.h>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "lcngeom/lcngeom.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct EdOptions {
  int degree = 0;
  std::string norm = "euclidean", locus;
  int trials = 2;
  std::uint64_t seed = 0x1c0ffee;
  long max_porteous = kDefaultMaxPorteous;
  bool json = false, progress = false, formula = false;
};

// ed-degree --formula: the Thom-Porteous prediction of the generic ED degree
// (porteous_number), conjectured equal to it (docs/ed-degree-conjecture.md).
int print_formula(const EdOptions& o, bool norm_given) {
  if (norm_given && o.norm != "euclidean")
    throw invalid_argument("--formula predicts the generic (Euclidean) ED degree; --norm " + o.norm +
                           " is not generic (Remark 6.8): drop --norm");
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<Partition> parts;
  if (!o.locus.empty()) {
    parts.push_back(Partition::parse(o.locus));
    if (parts[0].sum() != o.degree)
      throw invalid_argument("--locus " + parts[0].to_string() + " is not a partition of " + std::to_string(o.degree));
  } else {
    check_limit(o.degree, kMaxEnumerationDegree, "--degree", "the partitions of n are enumerated");
    parts = partitions(o.degree);
  }
  nlohmann::json rows = nlohmann::json::array();
  std::ostringstream text;
  for (const Partition& lambda : parts) {
    const Integer t = porteous_number_exact(lambda);
    if (o.json) {
      if (!t.fits_long()) throw resource_limit("the Thom-Porteous number of " + lambda.to_string() + " exceeds 2^63");
      rows.push_back({{"partition", partition_json(lambda)}, {"porteous", t.to_long()}});
    } else {
      text << "  " << std::left << std::setw(18) << lambda.to_string() << std::right << std::setw(12) << t.to_string()
           << "\n";
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (o.json) {
    print_json({{"degree", o.degree}, {"formula", "thom-porteous"}, {"rows", rows}, {"seconds", seconds}});
  } else {
    std::cout << "Thom-Porteous predictions of the generic ED degrees of the multiple root loci of degree " << o.degree
              << "\n  partition          prediction\n"
              << text.str()
              << "Conjecture (docs/ed-degree-conjecture.md): each equals the ED degree for the Euclidean (generic) "
                 "product.\nProven for the hooks (a,1,...,1); checked by modular counts for every partition of n <= 9 "
                 "(`ed-degree` without --formula).\n";
  }
  return 0;
}

const bool registered = register_command(
    {620, "ed-degree",
     "ED degrees of the multiple root loci of degree n (Section 6.2), generic (Euclidean) or special (Bombieri)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<EdOptions>();
       add_degree_option(app, o->degree, true);
       add_norm_option(app, o->norm);
       add_locus_option(app, o->locus, "only this locus (default: every partition of n)");
       app.add_option("--trials", o->trials, "independent (target, prime) pairs that must agree (default 2)")
           ->check(CLI::Range(1, 100));
       add_seed_option(app, o->seed, "seed of primes, targets and projections");
       app.add_option("--max-porteous", o->max_porteous,
                      "largest Thom-Porteous bound (eliminant degree) attempted (default " +
                          std::to_string(kDefaultMaxPorteous) + "; 724 takes about a minute)");
       add_json_flag(app, o->json);
       app.add_flag("--formula", o->formula,
                    "print the Thom-Porteous prediction of the generic ED degree instead of counting (instant)");
       auto* norm_opt = app.get_option("--norm");
       app.add_flag("--progress", o->progress,
                    "print a line on stderr at each step (default when stderr is a terminal)");
       return [o, norm_opt] {
         if (o->degree < 1) throw invalid_argument("--degree must be >= 1, got " + std::to_string(o->degree));
         if (o->formula) return print_formula(*o, norm_opt->count() > 0);
         EdDegreeOptions opt;
         opt.trials = o->trials;
         opt.seed = o->seed;
         opt.max_porteous = o->max_porteous;
         if (o->progress || isatty(2))
           opt.progress = [](const std::string& msg) { std::cerr << "lcngeom ed-degree: " << msg << std::endl; };
         if (o->locus.empty()) {
           // Fail fast: say what the table would take before computing any of it.
           const EdDegreeTablePlan plan = ed_degree_table_plan(o->degree, opt);
           if (!plan.scanned || plan.over_limit > 0)
             throw resource_limit("ed-degree --degree " + std::to_string(o->degree) + ": " + plan.summary() +
                                 " (--locus, --max-porteous)");
           check_limit(o->degree, kMaxEnumerationDegree, "--degree", "the partitions of n are enumerated");
         }
         std::vector<Partition> parts;
         if (!o->locus.empty()) {
           parts.push_back(Partition::parse(o->locus));
           if (parts[0].sum() != o->degree)
             throw invalid_argument("--locus " + parts[0].to_string() + " is not a partition of " +
                                    std::to_string(o->degree));
         } else {
           parts = partitions(o->degree);
         }
         if (!o->locus.empty())
           if (std::optional<std::string> why = ed_degree_out_of_reach(parts[0], opt)) throw not_supported(*why);
         InnerProduct sigma = InnerProduct::parse(o->norm, o->degree);
         double total = 0;
         nlohmann::json rows = nlohmann::json::array();
         if (!o->json)
           std::cout << "ED degrees of the multiple root loci of degree " << o->degree << " (" << sigma.name()
                     << " inner product)\n  partition          ED degree  Porteous  time [s]   counts (prime)\n";
         int unsupported = 0;
         for (const Partition& lambda : parts) {
           if (root_coordinates(lambda) > 3) {
             // A table row the solver cannot count: reported, never guessed.
             ++unsupported;
             const std::string why =
                 "needs " + std::to_string(root_coordinates(lambda)) + " root coordinates; at most 3 are supported";
             if (o->json)
               rows.push_back(
                   {{"partition", partition_json(lambda)}, {"ed_degree", nullptr}, {"unsupported_reason", why}});
             else
               std::cout << "  " << std::left << std::setw(18) << lambda.to_string() << std::right
                         << "   not supported (" << why << ")\n";
             continue;
           }
           EdDegreeResult r = ed_degree(lambda, sigma, opt);
           total += r.seconds;
           if (o->json) {
             nlohmann::json trials = nlohmann::json::array();
             for (const EdTrial& t : r.trials)
               trials.push_back({{"prime", std::to_string(t.prime)},
                                 {"count", t.count},
                                 {"eliminant_degree", t.eliminant_degree},
                                 {"removed", t.removed},
                                 {"seconds", t.seconds}});
             rows.push_back({{"partition", partition_json(lambda)},
                             {"ed_degree", r.ed_degree},
                             {"porteous", r.porteous},
                             {"seconds", r.seconds},
                             {"trials", trials}});
           } else {
             std::ostringstream counts;
             for (const EdTrial& t : r.trials) counts << t.count << " (p=" << t.prime << ") ";
             std::cout << "  " << std::left << std::setw(18) << lambda.to_string() << std::right << std::setw(10)
                       << r.ed_degree << std::setw(10) << r.porteous << std::setw(10) << std::fixed
                       << std::setprecision(3) << r.seconds << "   " << counts.str() << std::endl;
           }
         }
         if (o->json) {
           print_json({{"degree", o->degree},
                       {"inner_product", sigma.name()},
                       {"trial_count", o->trials},
                       {"rows", rows},
                       {"unsupported_count", unsupported},
                       {"seconds", total}});
         } else {
           std::cout
               << "  total " << std::fixed << std::setprecision(3) << total << " s\n"
               << "Counts are exact over F_p at random targets u in F_p^{n+1} (62-bit primes p); each row agrees at "
               << o->trials << " independent (u, p).\nA count differs from the characteristic-0 ED degree only "
               << "if u hits a hypersurface of degree D (probability <= D/p < 2^-40) or p is a bad prime.\n";
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
