// lcngeom function-space-min: the global minimum of ||w - u||^2_Sigma over the
// function space M_k (function_space_minimum.hpp), exact.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_minimum.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct MinOptions {
  std::string filters, strides, target, norm = "euclidean";
  int digits = 30;
  bool json = false;
};

const bool registered = register_command(
    {503, "function-space-min",
     "global minimum of the square loss ||w - u||^2 over the function space M_k (exact search over the real "
     "critical points of every multiple root locus in M)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<MinOptions>();
       app.add_option("--filters", o->filters, "filter sizes k_1,...,k_L (stride one), e.g. 4,2")->required();
       app.add_option("--strides", o->strides, "strides s_1,...,s_L (all ones)");
       app.add_option("--target", o->target, "target filter u (k coefficients, or an expression in x, y)")->required();
       app.add_option("--norm", o->norm,
                      "inner product: euclidean (default), bombieri (eq. 6.10), or a symmetric positive definite "
                      "matrix \"a,b,..;c,d,..;..\"");
       app.add_option("--digits", o->digits, "decimals of the reported values (default 30; decisions are exact)");
       app.add_flag("--json", o->json, "print one JSON object on stdout");
       return [o] {
         if (o->digits < 0 || o->digits > 10000)
           throw invalid_argument("--digits must be in 0..10000, got " + std::to_string(o->digits));
         const Architecture arch = parse_filters_arg(o->filters, o->strides);
         const BinaryForm u = BinaryForm::parse(o->target);
         const InnerProduct sigma = parse_norm_arg(o->norm, arch.end_to_end_filter_size() - 1);
         const FunctionSpaceMinimum m = minimum_on_function_space(arch, u, sigma, o->digits);
         if (o->json) {
           nlohmann::json j = minimum_json(m);
           j["architecture"] = arch.to_string();
           j["target"] = form_json(u);
           j["inner_product"] = sigma.name();
           print_json(j);
         } else {
           std::cout << arch.to_string() << ", target " << u << " (" << to_string(m.target_position)
                     << " of the function space), " << sigma.name() << " inner product\n";
           print_minimum(std::cout, m);
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
