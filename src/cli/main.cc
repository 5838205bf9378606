// renkei: the command-line entry point. Everything else lives in the library.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return renkei::run_cli(args, std::cout, std::cerr);
}
