/**
 * Implementation details of adapter-security. Not API: anything here may change without
 * notice; do not use it from other modules or applications.
 */
@NullMarked
package dev.rpcadapter.security.internal;

import org.jspecify.annotations.NullMarked;
