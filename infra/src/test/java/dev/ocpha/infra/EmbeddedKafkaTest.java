package dev.ocpha.infra;

import static dev.ocpha.infra.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesThroughAGroupOnATopicWithThreePartitions() throws Exception {
        try (EmbeddedKafka kafka = timed("EmbeddedKafka.start (new data dir)", () -> EmbeddedKafka.start(dataDir, 0))) {
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());
            createTopic(kafka, "orders", 3);

            produce(kafka, "orders", 30);
            List<ConsumerRecord<String, String>> records = consume(kafka, "orders", 30);

            assertEquals(30, records.size());
            Set<Integer> partitions = new HashSet<>();
            records.forEach(r -> partitions.add(r.partition()));
            assertEquals(Set.of(0, 1, 2), partitions);
        }
    }

    @Test
    void keepsTopicDataWhenRestartedOnTheSameDataDir() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            createTopic(kafka, "kept", 1);
            produce(kafka, "kept", 5);
        }
        try (EmbeddedKafka kafka = timed("EmbeddedKafka.start (existing data dir)", () -> EmbeddedKafka.start(dataDir, 0))) {
            try (Admin admin = admin(kafka)) {
                assertTrue(admin.listTopics().names().get().contains("kept"));
            }
            assertEquals(5, consume(kafka, "kept", 5).size());
        }
    }

    @Test
    void runsAsItsOwnProcessUntilTerminated() throws Exception {
        long began = System.nanoTime();
        Process process = ChildJvm.start(EmbeddedKafka.class, dataDir.toString(), "0");
        try {
            String line = ChildJvm.firstLine(process);
            System.out.printf("[timing] EmbeddedKafka as its own JVM, to READY: %d ms%n", (System.nanoTime() - began) / 1_000_000);
            assertTrue(line != null && line.startsWith("KAFKA READY 127.0.0.1:"), String.valueOf(line));

            // the line is all a launcher gets: check it names a working broker
            String bootstrap = line.substring("KAFKA READY ".length());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "broker process did not stop on SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    static void createTopic(EmbeddedKafka kafka, String topic, int partitions) throws Exception {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    static void produce(EmbeddedKafka kafka, String topic, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            int partitions = producer.partitionsFor(topic).size();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, "key-" + i, "value-" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    static List<ConsumerRecord<String, String>> consume(EmbeddedKafka kafka, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
