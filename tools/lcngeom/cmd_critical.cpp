// lcngeom critical: exact critical points of ||w - u||^2_Sigma on a multiple
// root locus (Theorem 5.2, eq. 5.3), or of the parameter-space loss of a
// two-layer LCN with a linear filter (Example 5.10).
#include <unistd.h>

#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_critical.hpp"

namespace lcngeom::cli {

namespace {

struct CriticalOptions {
  std::string target, locus, norm = "euclidean", architecture;
  int digits = default_digits;
  std::uint64_t seed = 1;
  bool json = false;
  bool progress = false;
};

int run_linear_factor(const CriticalOptions& o, const BinaryForm& u, const InnerProduct& sigma) {
  Architecture arch = Architecture::parse(o.architecture);
  LinearFactorCriticalSet r = linear_factor_critical_points(arch, u, sigma);
  if (o.json) {
    nlohmann::json pts = nlohmann::json::array();
    for (const auto& p : r.points) {
      nlohmann::json j{
          {"orbit", p.orbit}, {"real", p.real}, {"global", p.global}, {"chart_at_infinity", p.chart_at_infinity}};
      if (p.real) {
        j["parameters"] = certified_json(p.parameters, o.digits);
        j["loss"] = certified_json(*p.loss, o.digits);
        j["hessian_positive_definite"] = *p.hessian_positive_definite;
        j["hessian_minor_signs"] = p.hessian_minor_signs;
      }
      pts.push_back(j);
    }
    nlohmann::json orbits = nlohmann::json::array();
    for (const RatPoly& f : r.orbits) orbits.push_back(f.to_string("t"));
    print_json({{"architecture", arch.to_string()},
                {"target", form_json(u)},
                {"inner_product", sigma.name()},
                {"complex_count", r.complex_count},
                {"real_count", r.real_count},
                {"global_count", r.global_count},
                {"global_real", r.global_real},
                {"spurious_count", r.spurious_count},
                {"spurious_real", r.spurious_real},
                {"orbits", orbits},
                {"points", pts}});
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
     "exact critical points of ||w - u||^2 on a multiple root locus (Theorem 5.2, Section 7.3), certified real ones",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<CriticalOptions>();
       app.add_option("--target", o->target, "target u: coefficients a_0,...,a_n or an expression in x, y")->required();
       app.add_option("--locus", o->locus, "partition lambda of n, e.g. 2,1,1");
       app.add_option("--architecture", o->architecture,
                      "instead of --locus: a two-layer architecture with a filter of size 2, e.g. 2,3 (Example 5.10)");
       app.add_option("--norm", o->norm,
                      "euclidean | bombieri | a symmetric positive definite matrix, rows separated by ';' "
                      "(e.g. \"1,0,0;0,1/2,0;0,0,1\")");
       add_digits_option(app, o->digits);
       app.add_option("--seed", o->seed, "seed of the random projections (the result does not depend on it)");
       app.add_flag("--json", o->json, "print one JSON object on stdout");
       app.add_flag("--progress", o->progress,
                    "print a line on stderr at each stage (default when stderr is a terminal)");
       return [o] {
         BinaryForm u = parse_form(o->target, o->locus.empty() ? -1 : Partition::parse(o->locus).sum());
         InnerProduct sigma = InnerProduct::parse(o->norm, u.degree());
         if (!o->architecture.empty()) {
           if (!o->locus.empty()) throw invalid_argument("give either --locus or --architecture, not both");
           return run_linear_factor(*o, u, sigma);
         }
         if (o->locus.empty()) throw invalid_argument("missing --locus (a partition of the target's degree)");
         Partition lambda = Partition::parse(o->locus);
         CriticalPointOptions copt{o->seed, {}};
         if (o->progress || isatty(2))
           copt.progress = [](const std::string& msg) { std::cerr << "lcngeom critical: " << msg << std::endl; };
         CriticalPointSet r = critical_points(lambda, u, sigma, copt);
         if (o->json) print_json(critical_json(r, o->digits));
         else std::cout << critical_text(r, o->digits);
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
