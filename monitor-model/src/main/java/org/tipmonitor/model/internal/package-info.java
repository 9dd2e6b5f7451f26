/** Implementation of monitor-model: constraint validators and bundled tables. Not part of the API. */
package org.tipmonitor.model.internal;
