//! The command line: argument parsing and the non-interactive subcommands.
//! Each subcommand is a thin view over `corpus::load`.
