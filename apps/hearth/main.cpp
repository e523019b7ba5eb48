// The hearth executable: it only hands over to the command line (src/hearth/cli).
#include "hearth/cli/cli.hpp"

int main(int argc, char** argv) {
  return hearth::cli::run(argc, argv);
}
