/**
 * Implementation of monitor-io: the one Jackson configuration, the token-level reader, the shapes of the format,
 * Bean Validation and problem collection. Not part of the API; it may change in any release.
 */
package org.tipmonitor.io.internal;
