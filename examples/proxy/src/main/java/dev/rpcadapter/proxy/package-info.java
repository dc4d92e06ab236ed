/**
 * The reference proxy: servers register with it; it lists them and routes calls to them.
 */
@NullMarked
package dev.rpcadapter.proxy;

import org.jspecify.annotations.NullMarked;
