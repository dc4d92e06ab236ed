/**
 * The servlet transport (Spring MVC / Tomcat applications): the adapter's endpoints on
 * one async servlet mapped to their exact paths, and {@code /ws} through Spring's
 * WebSocket support.
 */
@NullMarked
package dev.rpcadapter.web.servlet;

import org.jspecify.annotations.NullMarked;
