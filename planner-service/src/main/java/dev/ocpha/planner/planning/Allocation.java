package dev.ocpha.planner.planning;

/** CPU cores and memory for one component, with the table row or rule it came from. */
public record Allocation(int cpu, int memoryGb, String basis) {

    public Allocation plus(Allocation other) {
        return new Allocation(cpu + other.cpu, memoryGb + other.memoryGb, basis + " + " + other.basis);
    }

    String brief() {
        return cpu + "C/" + memoryGb + "GB";
    }
}
