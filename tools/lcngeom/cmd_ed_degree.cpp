// lcngeom ed-degree: ED degrees of every multiple root locus of degree n
// (Section 6.2, Examples 6.7, 6.9), counted modulo random primes.
#include <atomic>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "lcngeom/lcngeom.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "units.hpp"

namespace lcngeom::cli {

namespace {

// One table row as it appears in the JSON output: the ED degree with its
// modular trials, or (ed_degree null) why the solver cannot count it.
nlohmann::json ed_degree_row(const Partition& lambda, const InnerProduct& sigma, const EdDegreeOptions& opt,
                             bool table) {
  if (!modular_count_supported(lambda))
    // A table row the solver cannot count: reported, never guessed.
    return {{"partition", partition_json(lambda)},
            {"ed_degree", nullptr},
            {"unsupported_reason",
             "needs " + std::to_string(root_coordinates(lambda)) +
                 " root coordinates; at most 3 are supported (4 or more for (2,2,2,2) only)"}};
  EdDegreeResult r;
  try {
    r = ed_degree(lambda, sigma, opt);
  } catch (const not_supported& e) {
    // The quotient-ring engine of 4+ root coordinates refuses some inner
    // products (solutions at infinity, e.g. Bombieri): a row, not an abort.
    if (!table || root_coordinates(lambda) <= 3) throw;
    return {{"partition", partition_json(lambda)}, {"ed_degree", nullptr}, {"unsupported_reason", e.what()}};
  }
  nlohmann::json trials = nlohmann::json::array();
  for (const EdTrial& t : r.trials)
    trials.push_back({{"prime", std::to_string(t.prime)},
                      {"count", t.count},
                      {"eliminant_degree", t.eliminant_degree},
                      {"removed", t.removed},
                      {"seconds", t.seconds}});
  return {{"partition", partition_json(lambda)},
          {"ed_degree", r.ed_degree},
          {"porteous", r.porteous},
          {"seconds", r.seconds},
          {"trials", trials}};
}

struct EdOptions {
  int degree = 0;
  std::string norm = "euclidean", locus;
  int trials = 2;
  std::uint64_t seed = 0x1c0ffee;
  long max_porteous = kDefaultMaxPorteous;
  bool json = false, progress = false, quiet = false, formula = false;
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
                    "print a line on stderr at each step, also when stderr is not a terminal");
       add_quiet_flag(app, o->quiet, "no progress on stderr (by default a bar when stderr is a terminal)");
       return [o, norm_opt] {
         if (o->degree < 1) throw invalid_argument("--degree must be >= 1, got " + std::to_string(o->degree));
         if (o->formula) return print_formula(*o, norm_opt->count() > 0);
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
         // The header comes with the first row, so that a run refused
         // before any row (an lcngeom-mpi checkpoint) prints nothing.
         bool header = o->json;
         auto print_header = [&] {
           if (header) return;
           header = true;
           std::cout << "ED degrees of the multiple root loci of degree " << o->degree << " (" << sigma.name()
                     << " inner product)\n  partition          ED degree  Porteous  time [s]   counts (prime)\n";
         };
         int unsupported = 0;
         // One bar over the loci (counted as they are emitted); the item is a
         // locus in progress and its modular trial.  Rows may be computed on
         // another thread (lcngeom-mpi), hence the atomic count.
         ProgressReporter bar(o->quiet, o->progress, "lcngeom ed-degree");
         const std::string phase = "ED degrees of degree " + std::to_string(o->degree);
         std::atomic<std::size_t> loci_done{0};
         if (bar.enabled())
           opt.progress = [&](const Progress& p) {
             bar({phase, loci_done.load(), parts.size(),
                  p.phase + " " + std::to_string(p.done) + "/" + std::to_string(p.total)});
           };
         // One unit per row (units.hpp): lcngeom computes them in order,
         // lcngeom-mpi on many ranks, largest Thom-Porteous bound first.
         UnitJob job;
         job.command = "ed-degree";
         job.arguments = {{"degree", o->degree},
                          {"norm", o->norm},
                          {"locus", o->locus},
                          {"trials", o->trials},
                          {"seed", std::to_string(o->seed)},
                          {"max_porteous", o->max_porteous}};
         job.units = parts.size();
         job.cost = [&parts](std::size_t i) {
           // The cost grows at least quadratically with the eliminant degree,
           // and each root coordinate eliminated multiplies it (n = 8: the
           // three-coordinate rows take 3-60 s, the others under 1 s).
           const int m = root_coordinates(parts[i]);
           const double p = !modular_count_supported(parts[i]) ? 0.0 : static_cast<double>(porteous_number(parts[i]));
           return p * p * std::pow(64.0, m);
         };
         job.run = [&](std::size_t i) { return ed_degree_row(parts[i], sigma, opt, o->locus.empty()).dump(); };
         job.emit = [&](std::size_t i, const std::string& text) {
           const nlohmann::json row = nlohmann::json::parse(text);
           const std::string lambda = parts[i].to_string();
           bar.clear_line();
           print_header();
           if (row["ed_degree"].is_null()) {
             ++unsupported;
             if (o->json)
               rows.push_back(row);
             else
               std::cout << "  " << std::left << std::setw(18) << lambda << std::right << "   not supported ("
                         << row["unsupported_reason"].get<std::string>() << ")\n";
             bar({phase, ++loci_done, parts.size(), lambda});
             return true;
           }
           total += row["seconds"].get<double>();
           if (o->json) {
             rows.push_back(row);
           } else {
             std::ostringstream counts;
             for (const nlohmann::json& t : row["trials"])
               counts << t["count"].get<int>() << " (p=" << t["prime"].get<std::string>() << ") ";
             std::cout << "  " << std::left << std::setw(18) << lambda << std::right << std::setw(10)
                       << row["ed_degree"].get<int>() << std::setw(10) << row["porteous"].get<long>() << std::setw(10)
                       << std::fixed << std::setprecision(3) << row["seconds"].get<double>() << "   " << counts.str()
                       << std::endl;
           }
           bar({phase, ++loci_done, parts.size(), lambda + " done"});
           return true;
         };
         bar({phase, 0, parts.size()});
         run_units(job);
         bar.finish();
         print_header();
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
