/** Executes the walkthrough notebooks headless under the CI kernel and checks what they show. */
package org.prune4j.walkthrough;
