/**
 * A small certificate authority for rpc-adapter deployments and tests:
 * {@link dev.rpcadapter.ca.CertificateTool} (API) and
 * {@link dev.rpcadapter.ca.CertificateToolCli} (command line, the runnable
 * {@code adapter-ca-*-cli.jar}) create a CA, server and client certificates carrying
 * roles, and CRLs; {@link dev.rpcadapter.ca.Pem} and
 * {@link dev.rpcadapter.ca.TlsMaterial} write and load them. Not needed at runtime by a
 * server.
 */
@NullMarked
package dev.rpcadapter.ca;

import org.jspecify.annotations.NullMarked;
