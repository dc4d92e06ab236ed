/** Auto-configuration of the job queue on Spring Boot's Quartz scheduler. */
@NullMarked
package dev.rpcadapter.autoconfigure.queue;

import org.jspecify.annotations.NullMarked;
