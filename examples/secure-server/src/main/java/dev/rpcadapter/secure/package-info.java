/** The secure example server: mTLS, certificate roles, tokens and rate limits. */
@NullMarked
package dev.rpcadapter.secure;

import org.jspecify.annotations.NullMarked;
