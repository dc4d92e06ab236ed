/**
 * File transfers: chunked, resumable uploads and ranged downloads, the
 * {@link dev.rpcadapter.transfer.TransferRef} command parameter, and job artifacts.
 * {@link dev.rpcadapter.transfer.TransferSessions} (metadata) and
 * {@link dev.rpcadapter.transfer.TransferStore} (bytes) are the SPIs.
 */
@NullMarked
package dev.rpcadapter.transfer;

import org.jspecify.annotations.NullMarked;
