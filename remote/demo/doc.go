// Package demo is opsdeck's built-in demo host: a simulated OpenZFS 2.3
// server (Sim) that answers exactly the commands the console runs, behind
// a real in-process SSH server (Start) that the console reaches through its
// ordinary SSH client code.
//
// Every output is generated from a model (pools, vdevs, scan state,
// datasets, ARC) by encoders that follow OpenZFS 2.3.2's own printing code;
// the tests prove the encoders reproduce real captures byte for byte.
package demo
