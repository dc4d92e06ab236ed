/**
 * Queued commands as jobs on Quartz: the {@link dev.rpcadapter.queue.JobQueue}, job
 * records and their store SPI, the built-in {@code queue_*} commands, and metrics.
 */
@NullMarked
package dev.rpcadapter.queue;

import org.jspecify.annotations.NullMarked;
