package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageOfferingTest {

    @Test
    void theStorageClassComesBackFromTheOfferingsInstanceTypeAndComputeHasNone() {
        StorageOffering s3 = new StorageOffering("aws", "S3 Standard", "eu-central-1", 0.023, "Amazon S3", true);
        assertThat(StorageOffering.storageClassOf(s3.asOffering().instanceType())).isEqualTo("S3 Standard");
        assertThat(StorageOffering.storageClassOf("p5.48xlarge")).isNull();
    }
}
