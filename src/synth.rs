//! A deterministic generator of realistic synthetic articles, for
//! benchmarks and scale tests. Same seed, same corpus.
