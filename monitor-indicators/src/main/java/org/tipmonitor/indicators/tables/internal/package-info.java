/** Implementation details of the tables package; not part of the API. */
package org.tipmonitor.indicators.tables.internal;
