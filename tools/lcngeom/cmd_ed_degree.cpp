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

// Why a table row cannot be counted before any work (!modular_count_supported).
std::string unsupported_reason(const Partition& lambda) {
  return "needs " + std::to_string(root_coordinates(lambda)) +
         " root coordinates; beyond 3 only pure powers (k,...,k) within the quotient-ring engine's reach and, up "
         "to degree 10, loci with at most 2 simple roots (determinantal engine) are supported";
}

// The JSON of a table row the solver cannot count: reported, never guessed.
nlohmann::json unsupported_row(const Partition& lambda, const std::string& reason) {
  return {{"partition", partition_json(lambda)}, {"ed_degree", nullptr}, {"unsupported_reason", reason}};
}

// One modular trial as it appears in a row's "trials" (and as the result of
// a unit, in a checkpoint of lcngeom-mpi).
nlohmann::json trial_json(const EdTrial& t) {
  return {{"prime", std::to_string(t.prime)},
          {"count", t.count},
          {"eliminant_degree", t.eliminant_degree},
          {"removed", t.removed},
          {"seconds", t.seconds}};
}

EdTrial trial_of_json(const nlohmann::json& j) {
  EdTrial t;
  t.prime = std::stoull(j.at("prime").get<std::string>());
  t.count = j.at("count").get<int>();
  t.eliminant_degree = j.at("eliminant_degree").get<int>();
  t.removed = j.at("removed").get<int>();
  t.seconds = j.at("seconds").get<double>();
  return t;
}

// One table row as it appears in the JSON output: the ED degree with its
// modular trials.
nlohmann::json ed_degree_row(const EdDegreeResult& r) {
  nlohmann::json trials = nlohmann::json::array();
  for (const EdTrial& t : r.trials) trials.push_back(trial_json(t));
  return {{"partition", partition_json(r.lambda)},
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
  unsigned threads = 0;
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
                          std::to_string(kDefaultMaxPorteous) + "; 724 takes about 7 s, 3476 about 4 minutes per trial)");
       app.add_option("--threads", o->threads,
                      "worker threads over the (locus, modular trial) units (default 0: all hardware threads); rows "
                      "are printed in order, each row's counts do not depend on it")
           ->check(CLI::Range(0u, 1024u));
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
         // One unit per (row, modular trial) (units.hpp): lcngeom computes
         // them in order, lcngeom-mpi on many ranks, costliest first; a row
         // is printed when its last trial is in.  A row the solver cannot
         // count is one unit.  ed_degree_trial_inputs draws exactly the
         // (p, u, seed) of ed_degree's trial t, so the rows are ed_degree's.
         struct Unit {
           std::size_t row;
           int trial;  // -1: an unsupported row
         };
         std::vector<Unit> units;
         for (std::size_t r = 0; r < parts.size(); ++r) {
           if (!modular_count_supported(parts[r]))
             units.push_back({r, -1});
           else
             for (int t = 0; t < o->trials; ++t) units.push_back({r, t});
         }
         UnitJob job;
         job.command = "ed-degree";
         job.arguments = {{"degree", o->degree},
                          {"norm", o->norm},
                          {"locus", o->locus},
                          {"trials", o->trials},
                          {"seed", std::to_string(o->seed)},
                          {"max_porteous", o->max_porteous},
                          // A checkpoint of whole rows (before units were trials) is refused.
                          {"unit", "trial"}};
         job.units = units.size();
         job.cost = [&](std::size_t i) {
           // The cost grows at least quadratically with the eliminant degree,
           // and each root coordinate eliminated multiplies it (n = 8: the
           // three-coordinate rows take 3-60 s, the others under 1 s); the
           // trials of a row cost the same.
           const Partition& lambda = parts[units[i].row];
           if (units[i].trial < 0) return 0.0;
           const double p = static_cast<double>(porteous_number(lambda));
           return p * p * std::pow(64.0, root_coordinates(lambda));
         };
         // The bar's item: a locus and its modular trials done (ed_degree's phase).
         auto count_progress = [&](const Partition& lambda, int done) {
           if (bar.enabled())
             bar({phase, loci_done.load(), parts.size(),
                  "Delta" + lambda.to_string() + ": modular count " + std::to_string(done) + "/" +
                      std::to_string(o->trials)});
         };
         job.run = [&](std::size_t i) {
           const Partition& lambda = parts[units[i].row];
           if (units[i].trial < 0) return unsupported_row(lambda, unsupported_reason(lambda)).dump();
           count_progress(lambda, units[i].trial);
           const EdTrialInputs in = ed_degree_trial_inputs(lambda, opt, units[i].trial);
           try {
             return trial_json(count_critical_points_modp(lambda, sigma, in.prime, in.target, in.seed)).dump();
           } catch (const not_supported& e) {
             // The quotient-ring engine of 4+ root coordinates refuses some
             // inner products (solutions at infinity, e.g. Bombieri): in a
             // table that is a row, not an abort.
             if (!o->locus.empty() || root_coordinates(lambda) <= 3) throw;
             return nlohmann::json{{"unsupported_reason", e.what()}}.dump();
           }
         };
         std::vector<EdTrial> row_trials;  // of the row being emitted
         std::string row_refusal;          // set if a trial of that row was refused
         job.emit = [&](std::size_t i, const std::string& text) {
           const Partition& lambda_p = parts[units[i].row];
           const std::string lambda = lambda_p.to_string();
           if (units[i].trial < 0) {
             bar.clear_line();
             print_header();
             ++unsupported;
             if (o->json)
               rows.push_back(nlohmann::json::parse(text));
             else
               std::cout << "  " << std::left << std::setw(18) << lambda << std::right << "   not supported ("
                         << unsupported_reason(lambda_p) << ")\n";
             bar({phase, ++loci_done, parts.size(), lambda});
             return true;
           }
           const nlohmann::json trial = nlohmann::json::parse(text);
           if (trial.contains("unsupported_reason")) {
             if (row_refusal.empty()) row_refusal = trial["unsupported_reason"].get<std::string>();
           } else {
             row_trials.push_back(trial_of_json(trial));
           }
           count_progress(lambda_p, units[i].trial + 1);
           if (units[i].trial + 1 < o->trials) return true;
           if (!row_refusal.empty()) {
             bar.clear_line();
             print_header();
             ++unsupported;
             if (o->json)
               rows.push_back(unsupported_row(lambda_p, row_refusal));
             else
               std::cout << "  " << std::left << std::setw(18) << lambda << std::right << "   not supported ("
                         << row_refusal << ")\n";
             row_refusal.clear();
             row_trials.clear();
             bar({phase, ++loci_done, parts.size(), lambda});
             return true;
           }
           const EdDegreeResult r = ed_degree_from_trials(lambda_p, sigma, std::move(row_trials));
           row_trials.clear();
           bar.clear_line();
           print_header();
           total += r.seconds;
           if (o->json) {
             rows.push_back(ed_degree_row(r));
           } else {
             std::ostringstream counts;
             for (const EdTrial& t : r.trials) counts << t.count << " (p=" << t.prime << ") ";
             std::cout << "  " << std::left << std::setw(18) << lambda << std::right << std::setw(10) << r.ed_degree
                       << std::setw(10) << r.porteous << std::setw(10) << std::fixed << std::setprecision(3)
                       << r.seconds << "   " << counts.str() << std::endl;
           }
           bar({phase, ++loci_done, parts.size(), lambda + " done"});
           return true;
         };
         bar({phase, 0, parts.size()});
         const auto wall0 = std::chrono::steady_clock::now();
         run_units(job, o->threads);
         const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
         bar.finish();
         print_header();
         if (o->json) {
           print_json({{"degree", o->degree},
                       {"inner_product", sigma.name()},
                       {"trial_count", o->trials},
                       {"rows", rows},
                       {"unsupported_count", unsupported},
                       {"seconds", total},
                       {"wall_seconds", wall}});
         } else {
           std::cout
               << "  total " << std::fixed << std::setprecision(3) << total << " s of modular counts, " << wall
               << " s wall\n"
               << "Counts are exact over F_p at random targets u in F_p^{n+1} (62-bit primes p); each row agrees at "
               << o->trials << " independent (u, p).\nA count differs from the characteristic-0 ED degree only "
               << "if u hits a hypersurface of degree D (probability <= D/p < 2^-40) or p is a bad prime.\n";
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
