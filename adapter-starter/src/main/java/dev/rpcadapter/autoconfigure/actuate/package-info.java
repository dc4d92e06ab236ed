/**
 * Spring Boot Actuator integration: the adapter's health components as a health
 * contributor and an info contributor.
 */
@NullMarked
package dev.rpcadapter.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
