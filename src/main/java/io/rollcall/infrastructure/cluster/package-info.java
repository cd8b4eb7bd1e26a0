/** The cluster broadcast on Payara Micro's Hazelcast (a topic), when the instance runs clustered. */
package io.rollcall.infrastructure.cluster;
