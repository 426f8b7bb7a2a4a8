// Uses the installed headers and library: rrmp of 2x^4 + 5x^2y^2 + 2y^4.
#include <iostream>

#include <lcngeom/lcngeom.hpp>

int main() {
  const lcngeom::BinaryForm p = lcngeom::BinaryForm::parse("2x^4+5x^2y^2+2y^4");
  const std::string r = lcngeom::rrmp(p).to_string();
  std::cout << r << " " << lcngeom::discriminant(p).to_string() << "\n";
  return r == "0|11" ? 0 : 1;
}
