package bj.gouv.masm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MasmApplication {

    public static void main(String[] args) {
        SpringApplication.run(MasmApplication.class, args);
    }
}
