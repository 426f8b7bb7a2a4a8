// lcngeom ed-degree: ED degrees of every multiple root locus of degree n
// (Section 6.2, Examples 6.7, 6.9), counted modulo random primes.
#include <iomanip>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "lcngeom/lcngeom.hpp"
#include "options.hpp"
#include "progress.hpp"

namespace lcngeom::cli {

namespace {

struct EdOptions {
  int degree = 0;
  std::string norm = "euclidean", locus;
  int trials = 2;
  std::uint64_t seed = 0x1c0ffee;
  long max_porteous = kDefaultMaxPorteous;
  bool json = false, progress = false, quiet = false;
};

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
       app.add_flag("--progress", o->progress,
                    "print a line on stderr at each step, also when stderr is not a terminal");
       add_quiet_flag(app, o->quiet, "no progress on stderr (by default a bar when stderr is a terminal)");
       return [o] {
         if (o->degree < 1) throw invalid_argument("--degree must be >= 1, got " + std::to_string(o->degree));
         EdDegreeOptions opt;
         opt.trials = o->trials;
         opt.seed = o->seed;
         opt.max_porteous = o->max_porteous;
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
         // One bar over the loci; the item is the locus in progress and its modular trial.
         ProgressReporter bar(o->quiet, o->progress, "lcngeom ed-degree");
         const std::string phase = "ED degrees of degree " + std::to_string(o->degree);
         std::size_t loci_done = 0;
         if (bar.enabled())
           opt.progress = [&](const Progress& p) {
             bar({phase, loci_done, parts.size(), p.phase + " " + std::to_string(p.done) + "/" + std::to_string(p.total)});
           };
         for (const Partition& lambda : parts) {
           bar({phase, loci_done, parts.size(), lambda.to_string()});
           if (root_coordinates(lambda) > 3) {
             // A table row the solver cannot count: reported, never guessed.
             ++unsupported;
             ++loci_done;
             const std::string why =
                 "needs " + std::to_string(root_coordinates(lambda)) + " root coordinates; at most 3 are supported";
             if (o->json)
               rows.push_back(
                   {{"partition", partition_json(lambda)}, {"ed_degree", nullptr}, {"unsupported_reason", why}});
             else {
               bar.clear_line();
               std::cout << "  " << std::left << std::setw(18) << lambda.to_string() << std::right
                         << "   not supported (" << why << ")\n";
             }
             continue;
           }
           EdDegreeResult r = ed_degree(lambda, sigma, opt);
           bar({phase, ++loci_done, parts.size(), lambda.to_string() + " done"});
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
             bar.clear_line();
             std::ostringstream counts;
             for (const EdTrial& t : r.trials) counts << t.count << " (p=" << t.prime << ") ";
             std::cout << "  " << std::left << std::setw(18) << lambda.to_string() << std::right << std::setw(10)
                       << r.ed_degree << std::setw(10) << r.porteous << std::setw(10) << std::fixed
                       << std::setprecision(3) << r.seconds << "   " << counts.str() << std::endl;
           }
         }
         bar({phase, parts.size(), parts.size()});
         bar.finish();
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
