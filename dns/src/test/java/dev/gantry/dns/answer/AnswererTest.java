package dev.gantry.dns.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Routing;
import dev.gantry.dns.table.Srv;
import dev.gantry.dns.table.Zone;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswererTest {
    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
    private static final List<String> TWENTY =
            IntStream.rangeClosed(1, 20).mapToObj(i -> "10.0.0." + i).toList();

    private static DnsTable.Index table(RecordSet... records) {
        return new DnsTable(List.of(new Zone("local", 15, List.of(records))), 7).index();
    }

    private static Answer ask(DnsTable.Index t, String name, int type) {
        return Answerer.answer(t, ClientView.NONE, CLIENT, name, type, new Random(1));
    }

    @Test
    void aMultivalueNameAnswersAtMostEightDistinctHealthyAddressesWithItsTtl() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.MULTIVALUE));
        Answer.Records r = (Answer.Records) ask(t, "Backend.Local.", Answerer.TYPE_A);
        assertThat(r.answers()).hasSize(8).allSatisfy(rr -> {
            assertThat(rr).isInstanceOf(Rr.A.class);
            assertThat(rr.ttl()).isEqualTo(60);
            assertThat(TWENTY).contains(((Rr.A) rr).ipv4());
        });
        assertThat(r.answers().stream().map(rr -> ((Rr.A) rr).ipv4()).distinct())
                .hasSize(8);
    }

    @Test
    void theEightArePickedAtRandomSoEveryAddressIsAnsweredSometimes() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.MULTIVALUE));
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Answer.Records r = (Answer.Records)
                    Answerer.answer(t, ClientView.NONE, CLIENT, "backend.local", Answerer.TYPE_A, random);
            r.answers().forEach(rr -> seen.add(((Rr.A) rr).ipv4()));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(TWENTY);
    }

    @Test
    void fewerThanEightAreAllAnswered() {
        DnsTable.Index t = table(RecordSet.a("backend.local", List.of("10.0.0.1", "10.0.0.2"), 5, Routing.MULTIVALUE));
        Answer.Records r = (Answer.Records) ask(t, "backend.local", Answerer.TYPE_A);
        assertThat(r.answers()).extracting(rr -> ((Rr.A) rr).ipv4()).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
    }

    @Test
    void weightedRoutingAnswersOne() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.WEIGHTED));
        assertThat(((Answer.Records) ask(t, "backend.local", Answerer.TYPE_A)).answers())
                .hasSize(1);
    }

    @Test
    void srvAnswersCarryThePortAndTheTargetsAddressesAsAdditional() {
        DnsTable.Index t = table(
                RecordSet.srv(
                        "backend.local", List.of(new Srv(1, 1, 8080, "i-1.backend.local")), 30, Routing.MULTIVALUE),
                RecordSet.a("i-1.backend.local", List.of("10.0.0.9"), 30, Routing.MULTIVALUE));
        Answer.Records r = (Answer.Records) ask(t, "backend.local", Answerer.TYPE_SRV);
        assertThat(r.answers())
                .containsExactly(new Rr.SrvRr("backend.local", new Srv(1, 1, 8080, "i-1.backend.local"), 30));
        assertThat(r.additional()).containsExactly(new Rr.A("i-1.backend.local", "10.0.0.9", 30));
    }

    @Test
    void aMissingNameInAZoneIsNxdomainWithTheZonesSoa() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.MULTIVALUE));
        assertThat(ask(t, "nope.local", Answerer.TYPE_A)).isEqualTo(new Answer.NxDomain(new Rr.Soa("local", 7, 15)));
    }

    @Test
    void anExistingNameAskedForAnotherTypeIsNoDataNotNxdomain() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.MULTIVALUE));
        assertThat(ask(t, "backend.local", 28 /* AAAA */)).isEqualTo(new Answer.NoData(new Rr.Soa("local", 7, 15)));
        assertThat(ask(t, "backend.local", Answerer.TYPE_SRV)).isInstanceOf(Answer.NoData.class);
    }

    @Test
    void aNameWithRecordsOnlyBelowItIsNoData() {
        DnsTable.Index t = table(RecordSet.a("i-1.backend.local", List.of("10.0.0.9"), 30, Routing.MULTIVALUE));
        assertThat(ask(t, "backend.local", Answerer.TYPE_A)).isInstanceOf(Answer.NoData.class);
    }

    @Test
    void theApexAnswersItsSoa() {
        DnsTable.Index t = table();
        assertThat(ask(t, "local", Answerer.TYPE_SOA))
                .isEqualTo(new Answer.Records(List.of(new Rr.Soa("local", 7, 15)), List.of()));
        assertThat(ask(t, "local", Answerer.TYPE_A)).isInstanceOf(Answer.NoData.class);
    }

    @Test
    void namesOutsideEveryZoneAreForwarded() {
        DnsTable.Index t = table(RecordSet.a("backend.local", TWENTY, 60, Routing.MULTIVALUE));
        assertThat(ask(t, "example.com", Answerer.TYPE_A)).isEqualTo(Answer.FORWARD);
        assertThat(ask(t, "notlocal", Answerer.TYPE_A)).isEqualTo(Answer.FORWARD);
    }

    @Test
    void theMostSpecificZoneDecides() {
        DnsTable.Index t = new DnsTable(
                        List.of(
                                new Zone(
                                        "local",
                                        List.of(RecordSet.a("a.b.local", List.of("10.0.0.1"), 1, Routing.MULTIVALUE))),
                                new Zone("b.local", 30, List.of())),
                        3)
                .index();
        assertThat(ask(t, "a.b.local", Answerer.TYPE_A)).isEqualTo(new Answer.NxDomain(new Rr.Soa("b.local", 3, 30)));
    }

    @Test
    void theClientViewComesBeforeTheTable() {
        DnsTable.Index t = table();
        ClientView view = (client, name) -> name.equals("backend")
                ? Optional.of(RecordSet.a("backend", List.of("127.255.0.1"), 5, Routing.WEIGHTED))
                : Optional.empty();
        Answer a = Answerer.answer(t, view, CLIENT, "backend", Answerer.TYPE_A, new Random(1));
        assertThat(a).isEqualTo(new Answer.Records(List.of(new Rr.A("backend", "127.255.0.1", 5)), List.of()));
        assertThat(Answerer.answer(t, view, CLIENT, "other", Answerer.TYPE_A, new Random(1)))
                .isEqualTo(Answer.FORWARD);
    }
}
