/** Safe file writes shared by the data cache and the model files: nothing half-written is ever left under a real name. */
package org.prune4j.io;
