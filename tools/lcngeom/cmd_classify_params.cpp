// lcngeom classify-params: Section 5.1's classification of a parameter theta
// for the square loss (critical, pure/spurious, global minimum, lambda,
// Theorem 5.2's locus condition, Theorem 5.3's hypothesis).
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "json_minimum.hpp"
#include "options.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct ClassifyArgs {
  SquareLossArgs loss;
  std::string weights;
  int max_search_degree = ClassifyOptions{}.max_search_degree;
  std::string method = "automatic";
  bool json = false;
};

nlohmann::json decision_json(Decision d) {
  if (d == Decision::undecided) return nullptr;
  return d == Decision::yes;
}

const bool registered = register_command(
    {502, "classify-params",
     "classify filters theta for the square loss ||mu(theta) - u||^2 (Section 5.1): critical, pure or spurious, "
     "global minimum, root pattern, Theorems 5.2/5.3",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<ClassifyArgs>();
       add_square_loss_options(app, o->loss);
       add_weights_option(app, o->weights, "the parameter theta = (w_1, ..., w_L) to classify", {"--params"});
       app.add_option("--max-search-degree", o->max_search_degree,
                      "decide the global minimum by the exact search only up to this form degree (default " +
                          std::to_string(ClassifyOptions{}.max_search_degree) +
                          ": seconds at degree 6, minutes from degree 7; at most " + std::to_string(kMaxSolverDegree) +
                          ")");
       add_search_method_option(app, o->method);
       add_json_flag(app, o->json);
       return [o] {
         check_solver_degree(o->max_search_degree, "--max-search-degree");
         const auto [arch, u, sigma] = parse_square_loss(o->loss);
         const Filters theta = parse_weights_arg(o->weights);
         const ParameterClassification c = classify_parameter(
             arch, theta, u, sigma,
             lcngeom::ClassifyOptions{true, o->max_search_degree, parse_search_method(o->method)});
         nlohmann::json grad = nlohmann::json::array();
         for (const Rational& x : c.gradient) grad.push_back(x.to_string());
         if (o->json) {
           nlohmann::json j;
           j["architecture"] = arch.to_string();
           j["weights"] = weights_json(theta);
           j["end_to_end"] = form_json(c.end_to_end);
           j["target"] = form_json(u);
           j["loss"] = c.loss.to_string();
           j["gradient"] = grad;
           j["critical"] = c.critical;
           j["pure"] = c.pure;
           j["spurious"] = c.spurious;
           j["global_minimum"] = decision_json(c.global_minimum);
           j["global_minimum_status"] = to_string(c.global_minimum);
           j["global_minimum_reason"] = c.global_minimum_reason;
           j["global_minimum_proven"] = c.global_minimum_proven;
           j["function_space_minimum"] =
               c.function_space_minimum ? minimum_json(*c.function_space_minimum, o->loss.digits) : nlohmann::json(nullptr);
           j["local_minimum"] = decision_json(c.local_minimum);
           j["local_minimum_status"] = to_string(c.local_minimum);
           j["hessian_inertia"] = {{"positive", c.hessian_inertia.positive},
                                   {"negative", c.hessian_inertia.negative},
                                   {"zero", c.hessian_inertia.zero}};
           j["position"] = to_string(c.position);
           j["target_position"] = to_string(c.target_position);
           j["rrmp"] = c.rrmp ? nlohmann::json(c.rrmp->to_string()) : nlohmann::json(nullptr);
           j["lambda"] = c.lambda ? nlohmann::json(c.lambda->parts()) : nlohmann::json(nullptr);
           j["critical_on_locus"] =
               c.critical_on_locus ? nlohmann::json(*c.critical_on_locus) : nlohmann::json(nullptr);
           j["repeated_root"] = c.repeated_root;
           j["pairwise_coprime"] = c.pairwise_coprime;
           j["jacobian_rank"] = c.jacobian_rank;
           print_json(j);
         } else {
           std::cout << "mu(theta) = " << c.end_to_end << "  (" << arch.to_string() << ")\n"
                     << "loss = " << c.loss << ", gradient = (";
           for (std::size_t i = 0; i < c.gradient.size(); ++i) std::cout << (i ? ", " : "") << c.gradient[i];
           std::cout << ")\n"
                     << "critical: " << (c.critical ? "yes" : "no");
           if (c.critical) std::cout << (c.pure ? " (pure)" : " (spurious)");
           std::cout << "\nlocal minimum: " << to_string(c.local_minimum) << " (Hessian inertia +"
                     << c.hessian_inertia.positive << " -" << c.hessian_inertia.negative
                     << " 0:" << c.hessian_inertia.zero << ")";
           std::cout << "\nglobal minimum: " << to_string(c.global_minimum)
                     << (c.global_minimum_proven ? "" : " (probabilistic)") << " (" << c.global_minimum_reason << ")";
           std::cout << '\n';
           if (c.function_space_minimum) print_minimum(std::cout, *c.function_space_minimum, o->loss.digits);
           std::cout << "region of the function space (Lemma 4.2, Prop. 4.4): mu(theta) " << to_string(c.position)
                     << ", target " << to_string(c.target_position) << '\n';
           if (c.rrmp)
             std::cout << "rrmp " << *c.rrmp << ", lambda = " << *c.lambda
                       << "; critical on Delta_lambda (Thm 5.2): " << (*c.critical_on_locus ? "yes" : "no") << '\n';
           std::cout << "filters with a repeated root (Thm 5.3):";
           bool any = false;
           for (std::size_t l = 0; l < c.repeated_root.size(); ++l)
             if (c.repeated_root[l]) std::cout << ' ' << l + 1, any = true;
           std::cout << (any ? "" : " none") << "\nfilters pairwise coprime: " << (c.pairwise_coprime ? "yes" : "no")
                     << ", rank of the Jacobian " << c.jacobian_rank << " of " << c.end_to_end.degree() + 1 << '\n';
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
