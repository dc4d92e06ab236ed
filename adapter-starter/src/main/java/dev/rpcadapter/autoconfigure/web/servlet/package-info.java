/** Auto-configuration of the servlet transport, for Spring MVC / Tomcat applications. */
@NullMarked
package dev.rpcadapter.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
