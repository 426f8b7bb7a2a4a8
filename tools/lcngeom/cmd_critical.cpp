// lcngeom critical: exact critical points of ||w - u||^2_Sigma on a multiple
// root locus (Theorem 5.2, eq. 5.3), or of the parameter-space loss of a
// two-layer LCN with a linear filter (Example 5.10).
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_critical.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct CriticalOptions {
  std::string target, locus, norm = "euclidean", filters;
  int digits = kDefaultDigits;
  std::uint64_t seed = 1;
  bool json = false;
  bool progress = false;
  bool quiet = false;
};

// The same shape as critical_json (docs/lcngeom.schema.json, "critical"):
// Galois orbits with their sizes, then the real points.
nlohmann::json linear_factor_json(const LinearFactorCriticalSet& r, const Architecture& arch, const BinaryForm& u,
                                  const InnerProduct& sigma, int digits) {
  nlohmann::json orbits = nlohmann::json::array();
  for (std::size_t i = 0; i < r.orbits.size(); ++i) {
    int size = 0, real = 0;
    bool global = false;
    for (const auto& p : r.points)
      if (p.orbit == i) size++, real += p.real, global = p.global;
    orbits.push_back(
        {{"minimal_polynomial", r.orbits[i].to_string("t")}, {"size", size}, {"real_count", real}, {"global", global}});
  }
  nlohmann::json real = nlohmann::json::array();
  for (const auto& p : r.points) {
    if (!p.real) continue;
    real.push_back({{"orbit", p.orbit},
                    {"global", p.global},
                    {"chart_at_infinity", p.chart_at_infinity},
                    {"parameters", certified_json(p.parameters, digits)},
                    {"loss", certified_json(*p.loss, digits)},
                    {"hessian_positive_definite", *p.hessian_positive_definite},
                    {"hessian_minor_signs", p.hessian_minor_signs}});
  }
  return {{"problem", "parameters"},
          {"architecture", arch.to_string()},
          {"filter_sizes", arch.filters()},
          {"target", form_json(u)},
          {"inner_product", sigma.name()},
          {"matrix", matrix_json(sigma.matrix())},
          {"digits", digits},
          {"complex_count", r.complex_count},
          {"real_count", r.real_count},
          {"global_count", r.global_count},
          {"global_real_count", r.global_real},
          {"spurious_count", r.spurious_count},
          {"spurious_real_count", r.spurious_real},
          {"orbits", orbits},
          {"real_points", real}};
}

int run_linear_factor(const CriticalOptions& o, const BinaryForm& u, const InnerProduct& sigma) {
  const Architecture arch = parse_filters_arg(o.filters);
  LinearFactorCriticalSet r = linear_factor_critical_points(arch, u, sigma);
  if (o.json) {
    print_json(linear_factor_json(r, arch, u, sigma, o.digits));
    return 0;
  }
  std::cout << "critical points of L = ||mu(theta) - u||^2 for " << arch.to_string() << ", u = " << u.to_string()
            << " (" << sigma.name() << "), modulo rescaling\n";
  std::cout << "  complex: " << r.complex_count << " (" << r.global_count << " global, " << r.spurious_count
            << " spurious)   real: " << r.real_count << " (" << r.global_real << " global, " << r.spurious_real
            << " spurious)\n";
  std::cout << "  chart q1 = x + a y, parameters (a, q2 coefficients); " << o.digits << " correct significant digits\n";
  for (const auto& p : r.points) {
    if (!p.real) continue;
    std::cout << "  " << (p.global ? "global  " : "spurious") << " (" << decimals_text(p.parameters, o.digits)
              << ")  loss " << p.loss->to_decimal(o.digits) << "  Hessian "
              << (*p.hessian_positive_definite ? "positive definite" : "not positive definite")
              << (p.chart_at_infinity ? "  [chart q1 = s x + y]" : "") << "\n";
  }
  return 0;
}

const bool registered = register_command(
    {602, "critical",
     "exact critical points of ||w - u||^2 on a multiple root locus (Theorem 5.2, Section 7.3), certified real ones; "
     "with --filters, of the parameter-space loss of a two-layer LCN with a linear filter (Example 5.10)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<CriticalOptions>();
       add_target_option(app, o->target, "target u");
       add_locus_option(app, o->locus, "the multiple root locus Delta_lambda");
       CLI::Option* filters = add_filters_option(
           app, o->filters, false,
           "instead of --locus: filter sizes of a two-layer architecture with a filter of size 2, e.g. 2,3 "
           "(Example 5.10)");
       add_hidden_alias(app, "--architecture", o->filters, filters, "--filters");
       add_norm_option(app, o->norm);
       add_digits_option(app, o->digits);
       add_seed_option(app, o->seed, "seed of the random projections (the result does not depend on it)");
       add_json_flag(app, o->json);
       app.add_flag("--progress", o->progress,
                    "print a line on stderr at each stage, also when stderr is not a terminal");
       add_quiet_flag(app, o->quiet, "no progress on stderr (by default a bar when stderr is a terminal)");
       return [o] {
         const BinaryForm u = parse_form(o->target, o->locus.empty() ? -1 : Partition::parse(o->locus).sum());
         const InnerProduct sigma = InnerProduct::parse(o->norm, u.degree());
         if (!o->filters.empty()) {
           if (!o->locus.empty()) throw invalid_argument("give either --locus or --filters, not both");
           check_limit(u.degree(), kMaxLinearFactorDegree, "the degree of --target", "with --filters");
           return run_linear_factor(*o, u, sigma);
         }
         if (o->locus.empty()) throw invalid_argument("missing --locus (a partition of the target's degree)");
         check_solver_degree(u.degree(), "the degree of --target");
         const Partition lambda = Partition::parse(o->locus);
         CriticalPointOptions copt{o->seed, {}};
         ProgressReporter bar(o->quiet, o->progress, "lcngeom critical");
         copt.progress = bar.callback();
         const CriticalPointSet r = critical_points(lambda, u, sigma, copt);
         bar.finish();
         if (o->json) print_json(critical_json(r, o->digits));
         else std::cout << critical_text(r, o->digits);
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
