// lcngeom function-space-min: the global minimum of ||w - u||^2_Sigma over the
// function space M_k (function_space_minimum.hpp), exact.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_minimum.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct MinOptions {
  SquareLossArgs loss;
  std::string method = "automatic";
  bool json = false;
  bool progress = false, quiet = false;
};

const bool registered = register_command(
    {503, "function-space-min",
     "global minimum of the square loss ||w - u||^2 over the function space M_k (exact search over the real "
     "critical points of every multiple root locus in M)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<MinOptions>();
       add_square_loss_options(app, o->loss);
       add_search_method_option(app, o->method);
       add_json_flag(app, o->json);
       app.add_flag("--progress", o->progress,
                    "print a line on stderr for each locus searched, also when stderr is not a terminal");
       add_quiet_flag(app, o->quiet, "no progress on stderr (by default a bar when stderr is a terminal)");
       return [o] {
         const auto [arch, u, sigma] = parse_square_loss(o->loss);
         // The search over the loci runs only for a target outside the function space.
         if (form_region(arch, u) == Region::complement) check_solver_degree(u.degree(), "the degree of --target");
         ProgressReporter bar(o->quiet, o->progress, "lcngeom function-space-min");
         FunctionSpaceMinimumOptions mopt;
         mopt.progress = bar.callback();
         mopt.method = parse_search_method(o->method);
         const FunctionSpaceMinimum m = minimum_on_function_space(arch, u, sigma, mopt);
         bar.finish();
         if (o->json) {
           nlohmann::json j = minimum_json(m, o->loss.digits);
           j["architecture"] = arch.to_string();
           j["target"] = form_json(u);
           j["inner_product"] = sigma.name();
           print_json(j);
         } else {
           std::cout << arch.to_string() << ", target " << u << " (" << to_string(m.target_position)
                     << " of the function space), " << sigma.name() << " inner product\n";
           print_minimum(std::cout, m, o->loss.digits);
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
