// The `hearth` program: one command with subcommands (demo, serve, synth, migrate), each with
// --help. Start here: run(). Each subcommand lives in commands/<name>.cpp and only wires the
// modules together; no business rule lives here.
//
// Exit codes: 0 success, 1 the work failed, 2 bad usage (unknown flag, bad value).
#pragma once

namespace hearth::cli {

int run(int argc, char** argv);

}  // namespace hearth::cli
