/**
 * Spring Boot auto-configuration of the adapter: registry, dispatcher, built-in commands.
 */
@NullMarked
package dev.rpcadapter.autoconfigure;

import org.jspecify.annotations.NullMarked;
