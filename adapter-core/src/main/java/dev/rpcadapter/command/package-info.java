/**
 * The user-facing programming model: annotations, command descriptors, the registry and
 * its SPI.
 */
@NullMarked
package dev.rpcadapter.command;

import org.jspecify.annotations.NullMarked;
