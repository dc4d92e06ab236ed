/** Auto-configuration of file transfers ({@code adapter.transfers.*}). */
@NullMarked
package dev.rpcadapter.autoconfigure.transfer;

import org.jspecify.annotations.NullMarked;
