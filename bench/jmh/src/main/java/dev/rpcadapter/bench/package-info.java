/** JMH micro benchmarks of the adapter's dispatcher. */
@NullMarked
package dev.rpcadapter.bench;

import org.jspecify.annotations.NullMarked;
